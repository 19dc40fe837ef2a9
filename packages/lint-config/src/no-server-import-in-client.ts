import type { Rule } from "eslint";
import type { Node } from "estree";

// A "use client" file is bundled for the browser: importing the domain's server side or the
// database client would ship it there, or fail the build late (server-only). Type-only imports
// count too: the view types a client needs live in @ktp/core/universal.
const SERVER_MODULES = /^@ktp\/(core\/server|db)(\/|$)/;

export const noServerImportInClient: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: 'Disallow importing @ktp/core/server/* or @ktp/db in a "use client" file.' },
    messages: { serverImport: '"{{source}}" is server code: a "use client" file may import @ktp/core/universal/* but not @ktp/core/server/* or @ktp/db.' },
    schema: [],
  },
  create(context) {
    const isClient = context.sourceCode.ast.body.some((statement) => "directive" in statement && statement.directive === "use client");
    if (!isClient) return {};
    const check = (source: Node | null | undefined) => {
      if (source?.type === "Literal" && typeof source.value === "string" && SERVER_MODULES.test(source.value)) {
        context.report({ node: source, messageId: "serverImport", data: { source: source.value } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};
