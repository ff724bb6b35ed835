using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrackSyncStateConflictsAndXpmArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsArchivedInXpm",
                table: "StaffXpmLinks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PendingSyncFields",
                table: "StaffXpmLinks",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SyncError",
                table: "StaffXpmLinks",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Archived",
                table: "ImportRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Restored",
                table: "ImportRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsArchivedInXpm",
                table: "ClientXpmLinks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PendingSyncFields",
                table: "ClientXpmLinks",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SyncError",
                table: "ClientXpmLinks",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SyncConflicts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PracticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    BaseValue = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PortalValue = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    XpmValue = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    XpmValuesJson = table.Column<string>(type: "TEXT", nullable: false),
                    RunId = table.Column<int>(type: "INTEGER", nullable: true),
                    DetectedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true)
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
                name: "SyncFieldPolicies",
                columns: table => new
                {
                    PracticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Policy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_SyncConflicts_ClientId_Field",
                table: "SyncConflicts",
                columns: new[] { "ClientId", "Field" },
                unique: true,
                filter: "ResolvedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SyncConflicts_PracticeId_ResolvedAt",
                table: "SyncConflicts",
                columns: new[] { "PracticeId", "ResolvedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SyncConflicts");

            migrationBuilder.DropTable(
                name: "SyncFieldPolicies");

            migrationBuilder.DropColumn(
                name: "IsArchivedInXpm",
                table: "StaffXpmLinks");

            migrationBuilder.DropColumn(
                name: "PendingSyncFields",
                table: "StaffXpmLinks");

            migrationBuilder.DropColumn(
                name: "SyncError",
                table: "StaffXpmLinks");

            migrationBuilder.DropColumn(
                name: "Archived",
                table: "ImportRun");

            migrationBuilder.DropColumn(
                name: "Restored",
                table: "ImportRun");

            migrationBuilder.DropColumn(
                name: "IsArchivedInXpm",
                table: "ClientXpmLinks");

            migrationBuilder.DropColumn(
                name: "PendingSyncFields",
                table: "ClientXpmLinks");

            migrationBuilder.DropColumn(
                name: "SyncError",
                table: "ClientXpmLinks");
        }
    }
}
