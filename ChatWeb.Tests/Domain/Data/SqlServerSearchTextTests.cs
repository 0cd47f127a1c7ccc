using ChatWeb.Domain.Data.SqlServer;
using ChatWeb.Domain.Search;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace ChatWeb.Tests.Domain.Data;

/// <summary>
/// The SQL Server search, read as text (no server runs here): statements SQL Server parses, a
/// full-text condition in which every term is a quoted string (so typed operators stay text), the
/// searcher's membership in the statement, and a LIKE fallback that escapes its wildcards.
/// </summary>
public sealed class SqlServerSearchTextTests
{
    private static readonly SearchQuery Query = SearchQuery.Parse("from:bob@corp.example NEAR(vpn) \"release notes\" OR depl")!;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Text_WithEveryFilter_IsTransactSqlThatSqlServerParses(bool fullText)
    {
        var request = new SearchRequest("reader", Query, Guid.NewGuid(), "sender", Guid.NewGuid(), 21);

        var parsed = TransactSql.Parse(SqlServerMessageSearch.Text(request, fullText, SqlServerMessageSearch.LikePatterns(Query).Count));

        Assert.NotEmpty(parsed.Batches);
    }

    [Fact]
    public void Text_FullText_UsesContainsAndTheCallersMembershipNow_NewestFirst()
    {
        var request = new SearchRequest("reader", Query, null, null, null, 21);

        var text = SqlServerMessageSearch.Text(request, fullText: true, likeCount: 0);

        Assert.Contains("CONTAINS(m.[Body], @match)", text);
        Assert.Contains("m.[ThreadId] IN (SELECT tm.[ThreadId] FROM [ThreadMembers] AS tm WHERE tm.[OwnerId] = @reader)", text);
        Assert.Contains("m.[DeletedAt] IS NULL", text);
        Assert.EndsWith("ORDER BY m.[SentAt] DESC, m.[Id] DESC;", text);
        Assert.DoesNotContain("LIKE", text);
        Assert.DoesNotContain("@before", text);
    }

    [Fact]
    public void Contains_EveryTermAQuotedString_AllRequired()
    {
        var condition = SqlServerMessageSearch.Contains(Query);

        Assert.Equal("\"near\" AND \"vpn\" AND \"release notes\" AND \"or\" AND \"depl*\"", condition);
        Assert.Equal(Query.Terms.Count, ParseContainsStrings(condition));
    }

    [Fact]
    public void Text_WithoutFullText_LikeEachTermUnderAnAccentInsensitiveCollation()
    {
        var request = new SearchRequest("reader", Query, null, null, Guid.NewGuid(), 21);
        var patterns = SqlServerMessageSearch.LikePatterns(Query);

        var text = SqlServerMessageSearch.Text(request, fullText: false, patterns.Count);

        Assert.DoesNotContain("CONTAINS", text);
        Assert.Equal(["%near%", "%vpn%", "%release%notes%", "%or%", "%depl%"], patterns);
        for (var i = 0; i < patterns.Count; i++)
        {
            Assert.Contains($"m.[Body] COLLATE Latin1_General_100_CI_AI LIKE @word{i} ESCAPE N'\\'", text);
        }
        Assert.Contains("b.[Id] = @before", text);
    }

    /// <summary>How many quoted strings SQL Server's parser sees in the condition, joined by AND: each is one term.</summary>
    private static int ParseContainsStrings(string condition)
    {
        var script = TransactSql.Parse($"SELECT 1 FROM [Messages] WHERE CONTAINS([Body], N'{condition.Replace("'", "''")}');");
        var visitor = new ContainsVisitor();
        script.Accept(visitor);
        var value = Assert.Single(visitor.Values);
        return value.Split(" AND ").Count(part => part.StartsWith('"') && part.EndsWith('"') && part.Count(c => c == '"') == 2);
    }

    private sealed class ContainsVisitor : TSqlFragmentVisitor
    {
        public List<string> Values { get; } = [];

        public override void Visit(FullTextPredicate node) => Values.Add(((StringLiteral)node.Value).Value);
    }
}
