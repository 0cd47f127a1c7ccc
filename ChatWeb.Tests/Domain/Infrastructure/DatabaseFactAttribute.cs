using System.Runtime.CompilerServices;
using Xunit;
using Xunit.v3;

namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>
/// A fact of a suite that runs on every configured database: on SQLite always, and in the suite's
/// <see cref="OnSqlServerAttribute"/> variant only when a SQL Server is configured. Without one, the
/// variant's cases are not created at all (not skipped), so a run without a server counts no test
/// it did not run.
/// </summary>
[XunitTestCaseDiscoverer(typeof(DatabaseFactDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DatabaseFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
    : FactAttribute(sourceFilePath, sourceLineNumber);
