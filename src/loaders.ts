// Per-request DataLoaders: one for entities by id, one per (relationship type, direction). Each
// batch is one UNWIND statement, so a query costs statements per level of nesting, not per row.
import DataLoader from 'dataloader';
import { type Direction, entitiesByIds, relationshipsByNode } from './data/graph.ts';
import type { EntityRow, RelationshipRow } from './data/types.ts';
import type { Db } from './db/driver.ts';
import type { RelationshipType } from './model.ts';
import { notFound } from './schema/errors.ts';

export interface Loaders {
  /** Entity by id; null when no entity has that id. */
  entity: DataLoader<string, EntityRow | null>;
  /** Relationships of a type at a node (`out`: from the node; `in`: to it). */
  relationships(type: RelationshipType, direction: Direction): DataLoader<string, RelationshipRow[]>;
  /** Entity by id that must exist: the graph's own references, so a miss is a data error. */
  existing(id: string): Promise<EntityRow>;
}

export function createLoaders(db: Db): Loaders {
  const entity = new DataLoader<string, EntityRow | null>((ids) => entitiesByIds(db, ids), {
    maxBatchSize: 1000,
  });
  const rels = new Map<string, DataLoader<string, RelationshipRow[]>>();
  return {
    entity,
    relationships(type, direction) {
      const key = `${type}:${direction}`;
      let loader = rels.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => relationshipsByNode(db, type, direction, ids), {
          maxBatchSize: 1000,
        });
        rels.set(key, loader);
      }
      return loader;
    },
    async existing(id) {
      const row = await entity.load(id);
      if (!row) throw notFound(id);
      return row;
    },
  };
}
