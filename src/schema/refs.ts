// Object and interface refs, declared here and implemented in their domain modules, so modules can
// point at each other without import cycles.
import { builder } from '../builder.ts';
import type { EntityRow, RelationshipRow } from '../data/types.ts';

export const NodeRef = builder.interfaceRef<EntityRow>('Node');
export const EntityRef = builder.interfaceRef<EntityRow>('Entity');

export const PersonRef = builder.objectRef<EntityRow>('Person');
export const InstitutionRef = builder.objectRef<EntityRow>('Institution');
export const DocumentRef = builder.objectRef<EntityRow>('Document');
export const MeetingRef = builder.objectRef<EntityRow>('Meeting');
export const EventRef = builder.objectRef<EntityRow>('Event');
export const PlaceRef = builder.objectRef<EntityRow>('Place');
export const StatementRef = builder.objectRef<EntityRow>('Statement');

/** Relationship-backed types share the relationship row as their backing shape. */
export const AttendanceRef = builder.objectRef<RelationshipRow>('Attendance');
export const RepresentationRef = builder.objectRef<RelationshipRow>('Representation');
export const PositionRef = builder.objectRef<RelationshipRow>('Position');
export const ParticipationRef = builder.objectRef<RelationshipRow>('Participation');
export const MentionRef = builder.objectRef<RelationshipRow>('Mention');
export const HoldingRef = builder.objectRef<RelationshipRow>('Holding');
