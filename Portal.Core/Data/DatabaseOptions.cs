namespace Portal.Core.Data;

/// <summary>Settings of the "Database" section. The connection string itself is <c>ConnectionStrings:Portal</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// PostgreSQL's migrations live in their own assembly: EF Core keeps one migration history and model snapshot per
    /// migrations assembly, and SQLite's stay in Portal.Core/Data/Migrations.
    /// </summary>
    public const string PostgresMigrationsAssembly = "Portal.Migrations.Postgres";
}
