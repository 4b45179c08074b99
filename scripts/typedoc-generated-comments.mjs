// A typedoc plugin: codegen emits generated/sdk.ts without doc comments, and it is never edited by hand,
// so the docs get one-line summaries for its symbols here, from their names and from schema descriptions.
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { Comment, Converter, ReflectionKind } from 'typedoc';

const GENERATED_FILE = 'generated/sdk.ts';

function lowerFirst(name) {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** One line for a generated symbol, or undefined when its name follows no known pattern. */
function summaryOf(name, schema) {
  let match;
  if ((match = /^(\w+)(Query|Mutation)Variables$/.exec(name))) return `The variables of the \`${lowerFirst(match[1])}\` ${match[2].toLowerCase()}.`;
  if ((match = /^(\w+)(Query|Mutation)$/.exec(name)))
    return `The result of the \`${lowerFirst(match[1])}\` ${match[2].toLowerCase()}, typed exactly as operations/ selects it.`;
  if ((match = /^(\w+)FragmentDoc$/.exec(name))) return `The parsed \`${match[1]}\` fragment.`;
  if ((match = /^(\w+)Fragment$/.exec(name))) return `The fields the \`${match[1]}\` fragment selects.`;
  if ((match = /^(\w+)Document$/.exec(name))) return `The parsed \`${lowerFirst(match[1])}\` operation, for a GraphQL client of your own.`;
  if (name === 'getSdk') return 'Builds the typed SDK: one method per operation, each sent through `withWrapper`.';
  if (name === 'Sdk') return 'The typed SDK that `getSdk` returns: one method per operation in operations/.';
  if (name === 'SdkFunctionWrapper') return 'Runs each generated method; the SDK passes one that adds the bearer token, retries and maps errors.';
  if (name === 'Incremental') return 'A helper type of the code generator.';
  const type = schema.getType(name);
  if (type) return type.description?.split('\n')[0] || `The \`${name}\` type of the Tribe schema.`;
  return undefined;
}

/** Registers the plugin with typedoc. */
export function load(app) {
  const schema = buildSchema(readFileSync(new URL('../schema/tribe.graphql', import.meta.url), 'utf8'));
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const project = context.project;
    const fromGenerated = (reflection) => project.getSymbolIdFromReflection(reflection)?.packagePath === GENERATED_FILE;
    for (const reflection of project.getReflectionsByKind(ReflectionKind.TypeAlias | ReflectionKind.Variable | ReflectionKind.Function)) {
      if (!fromGenerated(reflection)) continue;
      const target = reflection.kind === ReflectionKind.Function ? reflection.signatures?.[0] : reflection;
      if (!target || target.comment) continue;
      const summary = summaryOf(reflection.name, schema);
      if (summary) target.comment = new Comment([{ kind: 'text', text: summary }]);
    }
    // The methods of the generated Sdk type, wherever a type shows them (also as a type parameter's default).
    for (const signature of project.getReflectionsByKind(ReflectionKind.CallSignature)) {
      const method = signature.parent;
      if (signature.comment || method?.comment || !fromGenerated(method ?? signature)) continue;
      if (method?.kind !== ReflectionKind.Method && method?.kind !== ReflectionKind.Property) continue;
      signature.comment = new Comment([{ kind: 'text', text: `Sends the \`${method.name}\` operation and resolves to its typed result.` }]);
    }
  });
}
