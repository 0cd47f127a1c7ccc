namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>
/// Marks a suite's SQL Server variant: a class derived from the SQLite suite, with nothing of its
/// own. Its tests (those marked <see cref="DatabaseFactAttribute"/> or <see cref="DatabaseTheoryAttribute"/>)
/// run on a fresh SQL Server database each, and exist only when <see cref="SqlServerTestServer.IsConfigured"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OnSqlServerAttribute : Attribute
{
    public static bool IsOn(Type testClass) => testClass.IsDefined(typeof(OnSqlServerAttribute), inherit: false);
}
