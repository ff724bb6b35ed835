using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LinkedClientsReviewAndUndo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ConfirmedBy",
                table: "StaffXpmLinks",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LinkedByRunId",
                table: "StaffXpmLinks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MatchReason",
                table: "StaffXpmLinks",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UpdatedByRunId",
                table: "StaffXpmLinks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Removed",
                table: "ImportRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "UndoOfRunId",
                table: "ImportRun",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BeforeJson",
                table: "ImportOutcome",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PortalRecordId",
                table: "ImportOutcome",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedBy",
                table: "ClientXpmLinks",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LinkedByRunId",
                table: "ClientXpmLinks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MatchReason",
                table: "ClientXpmLinks",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UpdatedByRunId",
                table: "ClientXpmLinks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UnlinkedMatch",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PracticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    XpmUuid = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UnlinkedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    UnlinkedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
