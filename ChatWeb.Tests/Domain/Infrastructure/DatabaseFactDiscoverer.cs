using Xunit.Sdk;
using Xunit.v3;

namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>Creates a <see cref="DatabaseFactAttribute"/>'s case, or none in a SQL Server variant without a server.</summary>
public sealed class DatabaseFactDiscoverer : FactDiscoverer
{
    public override ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute) =>
        DatabaseCases.Exist(testMethod) ? base.Discover(discoveryOptions, testMethod, factAttribute) : DatabaseCases.None;
}

internal static class DatabaseCases
{
    public static readonly ValueTask<IReadOnlyCollection<IXunitTestCase>> None = new([]);

    public static bool Exist(IXunitTestMethod testMethod) =>
        !OnSqlServerAttribute.IsOn(testMethod.TestClass.Class) || SqlServerTestServer.IsConfigured;
}
