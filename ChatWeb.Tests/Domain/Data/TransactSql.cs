using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace ChatWeb.Tests.Domain.Data;

/// <summary>T-SQL read by Microsoft's own parser (SQL Server 2022's grammar), so SQL meant for a server can be checked without one.</summary>
internal static class TransactSql
{
    public static TSqlScript Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var script = (TSqlScript)parser.Parse(reader, out var errors);
        Assert.Empty(errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}"));
        return script;
    }

    /// <summary>Each table the script names, with the hints it is read or written under.</summary>
    public static Dictionary<string, List<TableHintKind>> TableHints(TSqlFragment script)
    {
        var visitor = new TableVisitor();
        script.Accept(visitor);
        return visitor.Tables;
    }

    private sealed class TableVisitor : TSqlFragmentVisitor
    {
        public Dictionary<string, List<TableHintKind>> Tables { get; } = [];

        public override void Visit(NamedTableReference node)
        {
            var name = node.SchemaObject.BaseIdentifier.Value;
            if (!Tables.TryGetValue(name, out var hints))
            {
                Tables[name] = hints = [];
            }
            hints.AddRange(node.TableHints.Select(h => h.HintKind));
        }
    }
}
