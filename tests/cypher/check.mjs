// Checks Cypher statements with Neo4j's own parser and semantic analysis
// (@neo4j-cypher/language-support, the library behind Neo4j's editors).
// stdin: JSON array of statement strings. stdout: JSON array, one entry per
// statement: {"index": i, "errors": [{"message", "line", "column"}]}.
// Only errors count: warnings about labels/properties absent from an empty
// schema, and "undeclared parameter" notes, say nothing about syntax.
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

const ERROR = 1; // vscode DiagnosticSeverity.Error

function readStdin() {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => (text += chunk));
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });
}

function check(statement) {
  const { diagnostics } = lintCypherQuery(statement, {}, { consoleCommandsEnabled: false });
  return diagnostics
    .filter((d) => d.severity === ERROR && isNotParamError(d))
    .map((d) => ({
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    }));
}

const statements = JSON.parse(await readStdin());
const report = statements.map((statement, index) => ({ index, errors: check(statement) }));
process.stdout.write(JSON.stringify(report));
