namespace Portal.Core.Data;

/// <summary>The database engine, from <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>One file beside the app: the embedded default for one machine.</summary>
    Sqlite,

    /// <summary>A shared PostgreSQL server: several web nodes behind a load balancer (docs/scale-out.md).</summary>
    Postgres,
}
