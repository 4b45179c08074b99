import {
  Kind,
  TypeInfo,
  getNamedType,
  isInputObjectType,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { definitionsOf, fragmentsUsedBy, operationLabel, type OperationFile } from './operation-files.js';

/** An operation or fragment, where it lives, and the schema coordinates it touches. */
export interface DefinitionUsage {
  /** The file, e.g. `operations/posts/post.graphql`. */
  path: string;
  /** `query post`, `mutation createPost` or `fragment PostFields`. */
  label: string;
  /** Type names, `Type.field`, `Type.field.argument`, `InputType.field` and `@directive`. */
  coordinates: Set<string>;
}

/**
 * Collects the coordinates a document touches, resolved against `schema`: every type it names or
 * selects through, every field and argument, and every input type a variable or argument can carry
 * (with their fields, since the values arrive at run time).
 */
export function coordinatesOf(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const used = new Set<string>();
  const addInput = (type: GraphQLNamedType | undefined): void => {
    if (!type || used.has(type.name)) return;
    used.add(type.name);
    if (!isInputObjectType(type)) return;
    for (const field of Object.values(type.getFields())) {
      used.add(`${type.name}.${field.name}`);
      addInput(getNamedType(field.type));
    }
  };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        used.add(parent.name).add(`${parent.name}.${field.name}`).add(getNamedType(field.type).name);
      },
      Argument() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const argument = typeInfo.getArgument();
        if (!parent || !field || !argument) return;
        used.add(`${parent.name}.${field.name}.${argument.name}`);
        addInput(getNamedType(argument.type));
      },
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type);
        addInput(type ? getNamedType(type) : undefined);
      },
      InlineFragment(node) {
        if (node.typeCondition) used.add(node.typeCondition.name.value);
      },
      FragmentDefinition(node) {
        used.add(node.typeCondition.name.value);
      },
      Directive(node) {
        used.add(`@${node.name.value}`);
      },
    }),
  );
  return used;
}

/**
 * The coordinates of every operation (together with the fragments it spreads) and of every
 * fragment on its own, so that a change can be traced to the operations and fragments it hits.
 */
export function usageOfDefinitions(schema: GraphQLSchema, files: readonly OperationFile[]): DefinitionUsage[] {
  const { operations, fragments } = definitionsOf(files);
  const usages: DefinitionUsage[] = operations.map(({ path, operation }) => ({
    path,
    label: operationLabel(operation),
    coordinates: coordinatesOf(schema, {
      kind: Kind.DOCUMENT,
      definitions: [operation, ...fragmentsUsedBy(operation, fragments).map((used) => used.fragment)],
    }),
  }));
  for (const { path, fragment } of fragments.values()) {
    usages.push({
      path,
      label: `fragment ${fragment.name.value}`,
      coordinates: coordinatesOf(schema, { kind: Kind.DOCUMENT, definitions: [fragment] }),
    });
  }
  return usages;
}
