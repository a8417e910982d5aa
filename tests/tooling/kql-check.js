// Checks KQL with the official parser (@kusto/language-service-next) against table schemas.
// Input on stdin: {"tables": [{"name": "T", "columns": [{"name": "C", "type": "string"}]}], "queries": ["..."]}
// Output on stdout: one array per query of its error diagnostics: [{"code", "message", "start", "length"}].
'use strict';
const path = require('path');
const base = path.join(__dirname, 'node_modules', '@kusto', 'language-service-next');
require(path.join(base, 'bridge.js'));
require(path.join(base, 'Kusto.Language.Bridge.js'));

const symbols = Kusto.Language.Symbols;
const types = {
  string: symbols.ScalarTypes.String,
  datetime: symbols.ScalarTypes.DateTime,
  boolean: symbols.ScalarTypes.Bool,
  bool: symbols.ScalarTypes.Bool,
  int: symbols.ScalarTypes.Int,
  long: symbols.ScalarTypes.Long,
  real: symbols.ScalarTypes.Real,
  dynamic: symbols.ScalarTypes.Dynamic,
  guid: symbols.ScalarTypes.Guid,
  timespan: symbols.ScalarTypes.TimeSpan,
};

let input = '';
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const request = JSON.parse(input);
  const tables = request.tables.map(table => new symbols.TableSymbol.$ctor4(table.name, table.columns.map(column => {
    const type = types[column.type.toLowerCase()];
    if (!type) { throw new Error(`Unknown column type ${column.type} for ${table.name}.${column.name}`); }
    return new symbols.ColumnSymbol(column.name, type, null, null, null, null);
  })));
  const database = new symbols.DatabaseSymbol.ctor('db', tables);
  const globals = Kusto.Language.GlobalState.Default.WithDatabase(database);
  const results = request.queries.map(query => {
    const code = Kusto.Language.KustoCode.ParseAndAnalyze(query, globals);
    return Bridge.toArray(code.GetDiagnostics())
      .filter(d => d.Severity === 'Error')
      .map(d => ({ code: d.Code, message: d.Message, start: d.Start, length: d.Length }));
  });
  process.stdout.write(JSON.stringify(results));
});
