using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SyncRunsLinkedClientsReviewAndUndo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ConfirmedBy",
                table: "StaffXpmLinks",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LinkedByRunId",
                table: "StaffXpmLinks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MatchReason",
                table: "StaffXpmLinks",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UpdatedByRunId",
                table: "StaffXpmLinks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Removed",
                table: "ImportRun",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "UndoOfRunId",
                table: "ImportRun",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BeforeJson",
                table: "ImportOutcome",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PortalRecordId",
                table: "ImportOutcome",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedBy",
                table: "ClientXpmLinks",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LinkedByRunId",
                table: "ClientXpmLinks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MatchReason",
                table: "ClientXpmLinks",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UpdatedByRunId",
                table: "ClientXpmLinks",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SyncRunItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    ClientId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Fields = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SendingAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRunItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncRunItems_ImportRun_RunId",
                        column: x => x.RunId,
                        principalTable: "ImportRun",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnlinkedMatch",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PracticeId = table.Column<int>(type: "integer", nullable: false),
                    ClientId = table.Column<int>(type: "integer", nullable: false),
                    XpmUuid = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UnlinkedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    UnlinkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnlinkedMatch", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnlinkedMatch_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StaffXpmLinks_IsNew",
                table: "StaffXpmLinks",
                column: "IsNew");

            migrationBuilder.CreateIndex(
                name: "IX_StaffXpmLinks_LastSyncedAt",
                table: "StaffXpmLinks",
                column: "LastSyncedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StaffXpmLinks_LinkedByRunId",
                table: "StaffXpmLinks",
                column: "LinkedByRunId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffXpmLinks_UpdatedByRunId",
                table: "StaffXpmLinks",
                column: "UpdatedByRunId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRun_UndoOfRunId",
                table: "ImportRun",
                column: "UndoOfRunId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientXpmLinks_IsNew",
                table: "ClientXpmLinks",
                column: "IsNew");

            migrationBuilder.CreateIndex(
                name: "IX_ClientXpmLinks_LastSyncedAt",
                table: "ClientXpmLinks",
                column: "LastSyncedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ClientXpmLinks_LinkedByRunId",
                table: "ClientXpmLinks",
                column: "LinkedByRunId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientXpmLinks_UpdatedByRunId",
                table: "ClientXpmLinks",
                column: "UpdatedByRunId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_RunId",
                table: "AuditEntries",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_SyncRunItems_RunId_State",
                table: "SyncRunItems",
                columns: new[] { "RunId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_UnlinkedMatch_ClientId",
                table: "UnlinkedMatch",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_UnlinkedMatch_PracticeId_XpmUuid",
                table: "UnlinkedMatch",
                columns: new[] { "PracticeId", "XpmUuid" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SyncRunItems");

            migrationBuilder.DropTable(
                name: "UnlinkedMatch");

            migrationBuilder.DropIndex(
                name: "IX_StaffXpmLinks_IsNew",
                table: "StaffXpmLinks");

            migrationBuilder.DropIndex(
                name: "IX_StaffXpmLinks_LastSyncedAt",
                table: "StaffXpmLinks");

            migrationBuilder.DropIndex(
                name: "IX_StaffXpmLinks_LinkedByRunId",
                table: "StaffXpmLinks");

            migrationBuilder.DropIndex(
                name: "IX_StaffXpmLinks_UpdatedByRunId",
                table: "StaffXpmLinks");

            migrationBuilder.DropIndex(
                name: "IX_ImportRun_UndoOfRunId",
                table: "ImportRun");

            migrationBuilder.DropIndex(
                name: "IX_ClientXpmLinks_IsNew",
                table: "ClientXpmLinks");

            migrationBuilder.DropIndex(
                name: "IX_ClientXpmLinks_LastSyncedAt",
                table: "ClientXpmLinks");

            migrationBuilder.DropIndex(
                name: "IX_ClientXpmLinks_LinkedByRunId",
                table: "ClientXpmLinks");

            migrationBuilder.DropIndex(
                name: "IX_ClientXpmLinks_UpdatedByRunId",
                table: "ClientXpmLinks");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_RunId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ConfirmedBy",
                table: "StaffXpmLinks");

            migrationBuilder.DropColumn(
                name: "LinkedByRunId",
                table: "StaffXpmLinks");

            migrationBuilder.DropColumn(
                name: "MatchReason",
                table: "StaffXpmLinks");

            migrationBuilder.DropColumn(
                name: "UpdatedByRunId",
                table: "StaffXpmLinks");

            migrationBuilder.DropColumn(
                name: "Removed",
                table: "ImportRun");

            migrationBuilder.DropColumn(
                name: "UndoOfRunId",
                table: "ImportRun");

            migrationBuilder.DropColumn(
                name: "BeforeJson",
                table: "ImportOutcome");

            migrationBuilder.DropColumn(
                name: "PortalRecordId",
                table: "ImportOutcome");

            migrationBuilder.DropColumn(
                name: "ConfirmedBy",
                table: "ClientXpmLinks");

            migrationBuilder.DropColumn(
                name: "LinkedByRunId",
                table: "ClientXpmLinks");

            migrationBuilder.DropColumn(
                name: "MatchReason",
                table: "ClientXpmLinks");

            migrationBuilder.DropColumn(
                name: "UpdatedByRunId",
                table: "ClientXpmLinks");
        }
    }
}
