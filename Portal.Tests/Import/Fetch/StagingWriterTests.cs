using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Data;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Infrastructure;

namespace Portal.Import.Fetch;

/// <summary>The prepared-command staging writer stores every column exactly as EF's own SaveChanges would.</summary>
public sealed class StagingWriterTests
{
    [Fact]
    public async Task InsertAsync_StagedClient_StoresTheSameColumnsAsEf()
    {
        await using var database = await TestDatabase.CreateAsync();
        var runId = await AddRunAsync(database);

        var (byEf, byWriter) = await WriteBothWaysAsync(database, runId, uuid => Client(runId, uuid));

        byWriter.ShouldBe(byEf);
    }

    [Fact]
    public async Task InsertAsync_StagedRelationshipAndStaff_StoreTheSameColumnsAsEf()
    {
        await using var database = await TestDatabase.CreateAsync();
        var runId = await AddRunAsync(database);

        var relationships = await WriteBothWaysAsync(database, runId, uuid => new StagedRelationship
        {
            RunId = runId, XpmUuid = uuid, ClientUuid = uuid, RelatedClientUuid = uuid, RelatedClientName = "Acme Ltd",
            Type = "Shareholder", NumberOfShares = 40, Percentage = 12.5m, StartDate = new DateOnly(2020, 2, 29), EndDate = null,
        });
        var staff = await WriteBothWaysAsync(database, runId, uuid => new StagedStaff
        {
            RunId = runId, XpmUuid = uuid, Name = "Sam Staff", Email = "sam@practice.example", Phone = null, Mobile = "021 555", WebUrl = null,
        });

        relationships.ByWriter.ShouldBe(relationships.ByEf);
        staff.ByWriter.ShouldBe(staff.ByEf);
    }

    [Fact]
    public async Task InsertAsync_StagedClient_IsFoundByEfQueriesOnItsGuidAndEnumColumns()
    {
        await using var database = await TestDatabase.CreateAsync();
        var runId = await AddRunAsync(database);
        var uuid = Guid.NewGuid();

        await using (var db = database.CreateDbContext())
        {
            await using var writer = await StagingWriter.OpenAsync(db, CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await writer.InsertAsync(Client(runId, uuid), CancellationToken.None);
            await writer.FlushAsync(CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var read = database.CreateDbContext();
        var found = await ImportSelection.OfferedClients(read, runId).SingleAsync(c => c.XpmUuid == uuid && c.Kind == ClientKind.Person);
        found.PhysicalAddress.City.ShouldBe("Wellington");
        found.DateOfBirth.ShouldBe(new DateOnly(1980, 5, 17));
        found.MatchKind.ShouldBe(ClientMatchKind.Suggested);
    }

    [Fact]
    public async Task InsertAsync_ManyRows_AllWrittenOnceFlushed_HeldRowsDiscardedWithTheirTransaction()
    {
        await using var database = await TestDatabase.CreateAsync();
        var runId = await AddRunAsync(database);
        var kept = Enumerable.Range(0, 123).Select(_ => Guid.NewGuid()).ToList();

        await using (var db = database.CreateDbContext())
        {
            await using var writer = await StagingWriter.OpenAsync(db, CancellationToken.None);
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                foreach (var uuid in kept)
                {
                    await writer.InsertAsync(Client(runId, uuid), CancellationToken.None);
                }

                await writer.FlushAsync(CancellationToken.None);
                await transaction.CommitAsync();
            }

            // A batch that fails part-way: whatever the writer still holds goes with the rolled-back transaction.
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await writer.InsertAsync(Client(runId, Guid.NewGuid()), CancellationToken.None);
                writer.DiscardPending();
                await transaction.RollbackAsync();
            }

            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await writer.FlushAsync(CancellationToken.None);
                await transaction.CommitAsync();
            }
        }

        await using var read = database.CreateDbContext();
        var staged = await read.Set<StagedClient>().Where(c => c.RunId == runId).Select(c => c.XpmUuid).ToListAsync();
        staged.Order().ShouldBe(kept.Order());
    }

    [Fact]
    public async Task InsertAsync_StandardMatchReasons_StoredAsShortCodes_ReadAndQueriedAsTheirText()
    {
        await using var database = await TestDatabase.CreateAsync();
        var runId = await AddRunAsync(database);
        var (created, linked, other, before) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await using (var db = database.CreateDbContext())
        {
            await using var writer = await StagingWriter.OpenAsync(db, CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await writer.InsertAsync(Matched(created, ClientMatchKind.None, ClientMatcher.NoMatchReason), CancellationToken.None);
            await writer.InsertAsync(Matched(linked, ClientMatchKind.Linked, ClientMatcher.LinkedReason), CancellationToken.None);
            await writer.InsertAsync(Client(runId, other), CancellationToken.None);
            await writer.FlushAsync(CancellationToken.None);
            await transaction.CommitAsync();
            // A row stored before the codes: the whole text. (The UUID as each provider stores one: SQLite as upper-case text.)
            object beforeUuid = database.Provider == DatabaseProvider.Postgres ? before : before.ToString().ToUpperInvariant();
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"StagedClient\" (\"RunId\", \"XpmUuid\", \"Kind\", \"Name\", \"IsArchived\", \"IsDeleted\", \"IsSelected\", \"MatchKind\", \"MatchReason\", \"Suggestion\", \"Fingerprint\") VALUES ({runId}, {beforeUuid}, 'Person', 'Old', false, false, true, 'None', {ClientMatcher.NoMatchReason}, 'Pending', 0)");
        }

        await using var read = database.CreateDbContext();
        var stored = await read.Database.SqlQuery<string>($"SELECT \"MatchReason\" AS \"Value\" FROM \"StagedClient\" WHERE \"RunId\" = {runId} ORDER BY \"Id\"").ToListAsync();
        stored.ShouldBe(["~no-match", "~linked", "Same name", ClientMatcher.NoMatchReason]);
        var reasons = await read.Set<StagedClient>().Where(c => c.RunId == runId).OrderBy(c => c.Id).Select(c => c.MatchReason).ToListAsync();
        reasons.ShouldBe([ClientMatcher.NoMatchReason, ClientMatcher.LinkedReason, "Same name", ClientMatcher.NoMatchReason]);
        (await read.Set<StagedClient>().Where(c => c.RunId == runId && c.MatchReason == ClientMatcher.LinkedReason).Select(c => c.XpmUuid).SingleAsync()).ShouldBe(linked);
        (await read.Set<StagedClient>().CountAsync(c => c.RunId == runId && c.XpmUuid != before && c.MatchReason != ClientMatcher.NoMatchReason)).ShouldBe(2);

        StagedClient Matched(Guid uuid, ClientMatchKind kind, string reason)
        {
            var client = Client(runId, uuid);
            (client.MatchKind, client.MatchReason) = (kind, reason);
            return client;
        }
    }

    private static StagedClient Client(int runId, Guid uuid) => new()
    {
        RunId = runId, XpmUuid = uuid, Kind = ClientKind.Person, Name = "Chloé O'Brien", FirstName = "Chloé", LastName = "O'Brien",
        BusinessStructure = "Individual", DateOfBirth = new DateOnly(1980, 5, 17), Email = "chloe@example.com", Phone = null, Mobile = "021 123 4567",
        PhysicalAddress = new Address { Street = "1 Lambton Quay", City = "Wellington", PostCode = "6011", Country = "New Zealand" },
        PostalAddress = new Address { Street = "PO Box 1" }, AccountManagerUuid = uuid, JobManagerUuid = null, WebUrl = "https://xpm/1",
        OwnContactUuid = uuid, IsArchived = false, IsDeleted = false, IsSelected = true,
        MatchKind = ClientMatchKind.Suggested, MatchClientId = null, MatchReason = "Same name", Suggestion = SuggestionDecision.Pending,
    };

    /// <summary>The same row written by EF, then (after removing it) by the writer, each read back as (SQLite storage class, literal) per column but the key.</summary>
    private static async Task<(string[] ByEf, string[] ByWriter)> WriteBothWaysAsync<T>(TestDatabase database, int runId, Func<Guid, T> row)
        where T : class
    {
        var uuid = Guid.NewGuid();
        await using (var db = database.CreateDbContext())
        {
            db.Add(row(uuid));
            await db.SaveChangesAsync();
        }

        var byEf = await ReadAsync<T>(database, runId);
        await using (var db = database.CreateDbContext())
        {
            await db.Set<T>().ExecuteDeleteAsync();
            await using var writer = await StagingWriter.OpenAsync(db, CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await writer.InsertAsync(row(uuid), CancellationToken.None);
            await writer.FlushAsync(CancellationToken.None);
            await transaction.CommitAsync();
        }

        return (byEf, await ReadAsync<T>(database, runId));
    }

    private static async Task<string[]> ReadAsync<T>(TestDatabase database, int runId)
    {
        await using var read = database.CreateDbContext();
        var table = read.Model.FindEntityType(typeof(T))!.GetTableName()!;
        // Table and column names come from the model, not from input.
        var postgres = database.Provider == DatabaseProvider.Postgres;
        var columnsSql = postgres
            ? $"SELECT column_name::text AS \"Value\" FROM information_schema.columns WHERE table_name = '{table}' AND column_name <> 'Id'"
            : $"SELECT name AS Value FROM pragma_table_info('{table}') WHERE name <> 'Id'";
        var columns = await read.Database.SqlQueryRaw<string>(columnsSql).ToListAsync();
        // Each column as name=type:value, with the value as the database holds it (SQLite: its storage class too).
        var literal = string.Join(" || '|' || ", columns.Select(c => postgres
            ? $"'{c}=' || pg_typeof(\"{c}\")::text || ':' || coalesce(quote_literal(\"{c}\"::text), 'NULL')"
            : $"'{c}=' || typeof(\"{c}\") || ':' || quote(\"{c}\")"));
        var rowsSql = $"SELECT {literal} AS \"Value\" FROM \"{table}\" WHERE \"RunId\" = {runId}";
        var rows = await read.Database.SqlQueryRaw<string>(rowsSql).ToListAsync();
        return rows.Single().Split('|');
    }

    private static async Task<int> AddRunAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var run = new ImportRun { PracticeId = database.PracticeId, Kind = ImportRunKind.Fetch, Status = ImportRunStatus.Running, StartedBy = "Sam", CreatedAt = DateTime.UtcNow };
        db.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }
}
