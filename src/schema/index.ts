// Imports every type module (each registers its types and root fields) and builds the schema.
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

export const schema = builder.toSchema({ sortSchema: true });
