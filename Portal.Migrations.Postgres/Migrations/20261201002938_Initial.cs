using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PracticeId = table.Column<int>(type: "integer", nullable: false),
                    RecordType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecordId = table.Column<int>(type: "integer", nullable: false),
                    Field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OldValue = table.Column<string>(type: "text", nullable: true),
                    NewValue = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RunId = table.Column<int>(type: "integer", nullable: true),
                    ChangedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Practices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Practices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Clients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PracticeId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    BusinessStructure = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Mobile = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PhysicalCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PhysicalCountry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PhysicalPostCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PhysicalRegion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PhysicalStreet = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PostalCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PostalCountry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PostalPostCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PostalRegion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PostalStreet = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Clients_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportRun",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PracticeId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    StartedByEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Phase = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ItemsDone = table.Column<int>(type: "integer", nullable: false),
                    ItemsTotal = table.Column<int>(type: "integer", nullable: true),
                    StaffCount = table.Column<int>(type: "integer", nullable: false),
                    ClientCount = table.Column<int>(type: "integer", nullable: false),
                    EntityCount = table.Column<int>(type: "integer", nullable: false),
                    ArchivedLeftOut = table.Column<int>(type: "integer", nullable: false),
                    DeletedLeftOut = table.Column<int>(type: "integer", nullable: false),
                    SelectedStaff = table.Column<int>(type: "integer", nullable: false),
                    SelectedClients = table.Column<int>(type: "integer", nullable: false),
                    SelectedEntities = table.Column<int>(type: "integer", nullable: false),
                    Created = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Linked = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    Archived = table.Column<int>(type: "integer", nullable: false),
                    Restored = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CancelRequested = table.Column<bool>(type: "boolean", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    FetchRunId = table.Column<int>(type: "integer", nullable: true),
                    ReviewStep = table.Column<int>(type: "integer", nullable: false),
                    DetailLevel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FullReimport = table.Column<bool>(type: "boolean", nullable: false),
                    ModifiedSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRun", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportRun_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PracticeId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Mobile = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    PortalRole = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffMembers_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncFieldPolicies",
                columns: table => new
                {
                    PracticeId = table.Column<int>(type: "integer", nullable: false),
                    Field = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Policy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncFieldPolicies", x => new { x.PracticeId, x.Field });
                    table.ForeignKey(
                        name: "FK_SyncFieldPolicies_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "XpmAuthorization",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PracticeId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProtectedCodeVerifier = table.Column<string>(type: "text", nullable: false),
                    RedirectUri = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProtectedTokens = table.Column<string>(type: "text", nullable: true),
                    TenantsJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XpmAuthorization", x => x.Id);
                    table.ForeignKey(
                        name: "FK_XpmAuthorization_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "XpmConnection",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PracticeId = table.Column<int>(type: "integer", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TenantName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ConnectionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ConnectedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    ConnectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Scopes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ProtectedAccessToken = table.Column<string>(type: "text", nullable: false),
                    ProtectedRefreshToken = table.Column<string>(type: "text", nullable: false),
                    AccessTokenExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastRefreshedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XpmConnection", x => x.Id);
                    table.ForeignKey(
                        name: "FK_XpmConnection_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClientXpmLinks",
                columns: table => new
                {
                    ClientId = table.Column<int>(type: "integer", nullable: false),
                    XpmUuid = table.Column<Guid>(type: "uuid", nullable: false),
                    WebUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LinkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSyncedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSyncedValues = table.Column<string>(type: "text", nullable: true),
                    IsNew = table.Column<bool>(type: "boolean", nullable: false),
                    PendingSyncFields = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ContactUuid = table.Column<Guid>(type: "uuid", nullable: true),
                    SyncError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsArchivedInXpm = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientXpmLinks", x => x.ClientId);
                    table.ForeignKey(
                        name: "FK_ClientXpmLinks_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Relationships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PracticeId = table.Column<int>(type: "integer", nullable: false),
                    EntityId = table.Column<int>(type: "integer", nullable: false),
                    RelatedClientId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NumberOfShares = table.Column<int>(type: "integer", nullable: true),
                    Percentage = table.Column<decimal>(type: "numeric", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    XpmUuid = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Relationships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Relationships_Clients_EntityId",
                        column: x => x.EntityId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Relationships_Clients_RelatedClientId",
                        column: x => x.RelatedClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncConflicts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PracticeId = table.Column<int>(type: "integer", nullable: false),
                    ClientId = table.Column<int>(type: "integer", nullable: false),
                    Field = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    BaseValue = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PortalValue = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    XpmValue = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    XpmValuesJson = table.Column<string>(type: "text", nullable: false),
                    RunId = table.Column<int>(type: "integer", nullable: true),
                    DetectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ResolvedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncConflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncConflicts_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SyncConflicts_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportOutcome",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    XpmUuid = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FieldsChanged = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportOutcome", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportOutcome_ImportRun_RunId",
                        column: x => x.RunId,
                        principalTable: "ImportRun",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StagedClient",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    XpmUuid = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    FirstName = table.Column<string>(type: "text", nullable: true),
                    LastName = table.Column<string>(type: "text", nullable: true),
                    BusinessStructure = table.Column<string>(type: "text", nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    Email = table.Column<string>(type: "text", nullable: true),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    Mobile = table.Column<string>(type: "text", nullable: true),
                    AccountManagerUuid = table.Column<Guid>(type: "uuid", nullable: true),
                    JobManagerUuid = table.Column<Guid>(type: "uuid", nullable: true),
                    WebUrl = table.Column<string>(type: "text", nullable: true),
                    OwnContactUuid = table.Column<Guid>(type: "uuid", nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    IsDeleted = table.Column<bool>(type: "boolean", nullable: false),
                    IsSelected = table.Column<bool>(type: "boolean", nullable: false),
                    MatchKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MatchClientId = table.Column<int>(type: "integer", nullable: true),
                    MatchReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Suggestion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PhysicalCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PhysicalCountry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PhysicalPostCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PhysicalRegion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PhysicalStreet = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PostalCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PostalCountry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PostalPostCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PostalRegion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PostalStreet = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StagedClient", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StagedClient_ImportRun_RunId",
                        column: x => x.RunId,
                        principalTable: "ImportRun",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StagedRelationship",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    XpmUuid = table.Column<Guid>(type: "uuid", nullable: true),
                    ClientUuid = table.Column<Guid>(type: "uuid", nullable: false),
                    RelatedClientUuid = table.Column<Guid>(type: "uuid", nullable: false),
                    RelatedClientName = table.Column<string>(type: "text", nullable: false),
                    Type = table.Column<string>(type: "text", nullable: false),
                    NumberOfShares = table.Column<int>(type: "integer", nullable: true),
                    Percentage = table.Column<decimal>(type: "numeric", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StagedRelationship", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StagedRelationship_ImportRun_RunId",
                        column: x => x.RunId,
                        principalTable: "ImportRun",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StagedStaff",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    XpmUuid = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Email = table.Column<string>(type: "text", nullable: true),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    Mobile = table.Column<string>(type: "text", nullable: true),
                    WebUrl = table.Column<string>(type: "text", nullable: true),
                    IsSelected = table.Column<bool>(type: "boolean", nullable: false),
                    MatchKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MatchStaffMemberId = table.Column<int>(type: "integer", nullable: true),
                    MatchReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StagedStaff", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StagedStaff_ImportRun_RunId",
                        column: x => x.RunId,
                        principalTable: "ImportRun",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffXpmLinks",
                columns: table => new
                {
                    StaffMemberId = table.Column<int>(type: "integer", nullable: false),
                    XpmUuid = table.Column<Guid>(type: "uuid", nullable: false),
                    WebUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LinkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSyncedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSyncedValues = table.Column<string>(type: "text", nullable: true),
                    IsNew = table.Column<bool>(type: "boolean", nullable: false),
                    PendingSyncFields = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ContactUuid = table.Column<Guid>(type: "uuid", nullable: true),
                    SyncError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsArchivedInXpm = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffXpmLinks", x => x.StaffMemberId);
                    table.ForeignKey(
                        name: "FK_StaffXpmLinks_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TeamMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<int>(type: "integer", nullable: false),
                    StaffMemberId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TeamMembers_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TeamMembers_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_RecordType_RecordId",
                table: "AuditEntries",
                columns: new[] { "RecordType", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_PracticeId_Email",
                table: "Clients",
                columns: new[] { "PracticeId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_PracticeId_Name",
                table: "Clients",
                columns: new[] { "PracticeId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientXpmLinks_XpmUuid",
                table: "ClientXpmLinks",
                column: "XpmUuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportOutcome_RunId",
                table: "ImportOutcome",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRun_FetchRunId",
                table: "ImportRun",
                column: "FetchRunId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRun_PracticeId_Status",
                table: "ImportRun",
                columns: new[] { "PracticeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_EntityId",
                table: "Relationships",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_RelatedClientId",
                table: "Relationships",
                column: "RelatedClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_XpmUuid",
                table: "Relationships",
                column: "XpmUuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_PracticeId_Email",
                table: "StaffMembers",
                columns: new[] { "PracticeId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffXpmLinks_XpmUuid",
                table: "StaffXpmLinks",
                column: "XpmUuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StagedClient_RunId_Kind_Name",
                table: "StagedClient",
                columns: new[] { "RunId", "Kind", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_StagedClient_RunId_XpmUuid",
                table: "StagedClient",
                columns: new[] { "RunId", "XpmUuid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StagedRelationship_RunId_ClientUuid",
                table: "StagedRelationship",
                columns: new[] { "RunId", "ClientUuid" });

            migrationBuilder.CreateIndex(
                name: "IX_StagedStaff_RunId_XpmUuid",
                table: "StagedStaff",
                columns: new[] { "RunId", "XpmUuid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SyncConflicts_ClientId_Field",
                table: "SyncConflicts",
                columns: new[] { "ClientId", "Field" },
                unique: true,
                filter: "\"ResolvedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SyncConflicts_PracticeId_ResolvedAt",
                table: "SyncConflicts",
                columns: new[] { "PracticeId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TeamMembers_ClientId_StaffMemberId_Role",
                table: "TeamMembers",
                columns: new[] { "ClientId", "StaffMemberId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TeamMembers_StaffMemberId",
                table: "TeamMembers",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_XpmAuthorization_PracticeId",
                table: "XpmAuthorization",
                column: "PracticeId");

            migrationBuilder.CreateIndex(
                name: "IX_XpmAuthorization_State",
                table: "XpmAuthorization",
                column: "State",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_XpmConnection_PracticeId",
                table: "XpmConnection",
                column: "PracticeId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ClientXpmLinks");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "ImportOutcome");

            migrationBuilder.DropTable(
                name: "Relationships");

            migrationBuilder.DropTable(
                name: "StaffXpmLinks");

            migrationBuilder.DropTable(
                name: "StagedClient");

            migrationBuilder.DropTable(
                name: "StagedRelationship");

            migrationBuilder.DropTable(
                name: "StagedStaff");

            migrationBuilder.DropTable(
                name: "SyncConflicts");

            migrationBuilder.DropTable(
                name: "SyncFieldPolicies");

            migrationBuilder.DropTable(
                name: "TeamMembers");

            migrationBuilder.DropTable(
                name: "XpmAuthorization");

            migrationBuilder.DropTable(
                name: "XpmConnection");

            migrationBuilder.DropTable(
                name: "ImportRun");

            migrationBuilder.DropTable(
                name: "Clients");

            migrationBuilder.DropTable(
                name: "StaffMembers");

            migrationBuilder.DropTable(
                name: "Practices");
        }
    }
}
