// Runs the real Neo4j Community engine (embedded DBMS) with its Bolt connector on a loopback port.
// Started by scripts/neo4j-local.ts with the classpath Maven resolved from pom.xml; run as a
// single-file source program (java -cp ... LocalNeo4j.java), so nothing is compiled into the tree.
//
// Arguments (all required, given by the launcher):
//   --data DIR  --host H  --port P  --pagecache-mb N  [--watch-stdin]
// The password of the built-in user "neo4j" comes from the environment variable NEO4J_LOCAL_PASSWORD.
// With --watch-stdin the JVM shuts down when its standard input closes, so it never outlives the
// Node process that started it (even if that process is killed).
// It prints one line "NEO4J_READY bolt://H:P" on stdout when Bolt accepts connections.

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public class LocalNeo4j {
  public static void main(String[] argv) {
    try {
      run(argv);
    } catch (Throwable t) {
      // Any failure ends the process, so the launcher sees it exit instead of waiting forever
      // for a JVM kept alive by Neo4j's non-daemon threads.
      System.err.println("LocalNeo4j: failed: " + t);
      t.printStackTrace();
      System.exit(1);
    }
  }

  private static void run(String[] argv) throws Exception {
    Map<String, String> args = new HashMap<>();
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (a.equals("--watch-stdin")) {
        args.put("watch-stdin", "true");
      } else if (a.startsWith("--") && i + 1 < argv.length) {
        args.put(a.substring(2), argv[++i]);
      }
    }
    Path data = Path.of(required(args, "data"));
    String host = required(args, "host");
    int port = Integer.parseInt(required(args, "port"));
    long pageCacheMb = Long.parseLong(required(args, "pagecache-mb"));
    String password = System.getenv("NEO4J_LOCAL_PASSWORD");
    if (password == null || password.length() < 8) {
      System.err.println("LocalNeo4j: NEO4J_LOCAL_PASSWORD must be set (8 characters or more)");
      System.exit(2);
    }

    if (args.containsKey("watch-stdin")) {
      Thread watcher = new Thread(() -> {
        try {
          InputStream in = System.in;
          while (in.read() != -1) {
            // ignore anything written to us; only the end of the stream matters
          }
        } catch (Exception ignored) {
          // a broken pipe means the parent is gone, same as end of stream
        }
        System.out.println("NEO4J_PARENT_GONE");
        System.exit(0);
      }, "stdin-watch");
      watcher.setDaemon(true);
      watcher.start();
    }
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(data)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
        .build();

    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("NEO4J_STOPPING");
      dbms.shutdown();
      System.out.println("NEO4J_STOPPED");
    }, "neo4j-shutdown"));

    // Set the password of the built-in user so clients authenticate as they would against a server.
    // The system database may still be starting on a loaded machine: retry for up to a minute.
    for (int attempt = 1; ; attempt++) {
      try {
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
            "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        break;
      } catch (RuntimeException e) {
        if (String.valueOf(e.getMessage()).contains("cannot be the same")
            || (e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("cannot be the same"))) {
          break; // a restart on existing data: the password is already set
        }
        if (attempt >= 60) throw e;
        Thread.sleep(1000);
      }
    }

    System.out.println("NEO4J_READY bolt://" + host + ":" + port);
    System.out.flush();

    Thread.currentThread().join();
  }

  private static String required(Map<String, String> args, String name) {
    String v = args.get(name);
    if (v == null) {
      System.err.println("LocalNeo4j: missing argument --" + name);
      System.exit(2);
    }
    return v;
  }
}
