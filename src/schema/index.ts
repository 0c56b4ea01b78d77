// Imports every type module (each registers its types and root fields) and builds the schema.
import { builder } from '../builder.ts';
import './common.ts';
import './person.ts';
import './institution.ts';
import './meeting.ts';
import './document.ts';
import './event.ts';
import './node.ts';
import './network.ts';

export const schema = builder.toSchema({ sortSchema: true });
