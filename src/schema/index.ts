// Imports every type module (each registers its types and root fields) and builds the schema, and
// the federation subgraph schema from the same builder.
import { builder } from '../builder.ts';
import './entity.ts';
import './evidence.ts';
import './relationship.ts';
import './person.ts';
import './institution.ts';
import './meeting.ts';
import './document.ts';
import './event.ts';
import './search.ts';
import './paths.ts';
import './timeline.ts';
import './changes.ts';
import './edit.ts';
import './import.ts';
import './statement.ts';
import './readings.ts';
import './ties.ts';

import { buildSubgraphSchema } from './federation.ts';

export const schema = builder.toSchema({ sortSchema: true });
/** The Apollo Federation v2 subgraph (served at /subgraph): the same types with keys, `_service` and `_entities`. */
export const subgraphSchema = buildSubgraphSchema();
