type FieldResolver = (parent: unknown, args: unknown, context: unknown, info: unknown) => unknown;
type TypeResolvers = Record<string, Record<string, FieldResolver>>;

/**
 * How to tell a record the store holds from a generated object of the same type. Generated objects appear
 * wherever a field the emulator does not store holds a type it does (`Member.blockedMembers`, say), and
 * carry none of a record's own fields.
 */
const IS_RECORD: Record<string, (parent: Record<string, unknown>) => boolean> = {
  Member: (parent) => typeof parent.roleType === 'string',
  Space: (parent) => Array.isArray(parent.memberIds),
  Post: (parent) => Array.isArray(parent.tagIds) && typeof parent.reactions === 'object' && parent.reactions !== null,
  PostReactionDetail: (parent) => typeof parent.postId === 'string',
  Collection: (parent) => typeof parent.slug === 'string',
  AppInstallation: (parent) => typeof parent.app === 'object' && parent.app !== null,
};

/**
 * Runs each field resolver of a stored type only on records of the store; on a generated object it answers
 * `undefined`, which lets the generated value stand. So every field resolver works on every object its type can hold.
 */
export function onStoredRecordsOnly<T extends object>(resolvers: T): T {
  const guarded: TypeResolvers = {};
  for (const [typeName, fields] of Object.entries(resolvers as TypeResolvers)) {
    const isRecord = IS_RECORD[typeName];
    guarded[typeName] = isRecord
      ? Object.fromEntries(
          Object.entries(fields).map(([name, resolve]) => [
            name,
            ((parent, args, context, info) =>
              typeof parent === 'object' && parent !== null && isRecord(parent as Record<string, unknown>)
                ? resolve(parent, args, context, info)
                : undefined) satisfies FieldResolver,
          ]),
        )
      : fields;
  }
  return guarded as T;
}
