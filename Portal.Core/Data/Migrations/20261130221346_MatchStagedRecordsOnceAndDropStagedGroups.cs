using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class MatchStagedRecordsOnceAndDropStagedGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StagedGroup");

            migrationBuilder.RenameColumn(
                name: "ExistingStaffMemberId",
                table: "StagedStaff",
                newName: "MatchStaffMemberId");

            // Staged groups were written and never read; nor was the import's Failed count ever set.
            migrationBuilder.DropColumn(
                name: "GroupCount",
                table: "ImportRun");

            migrationBuilder.DropColumn(
                name: "Failed",
                table: "ImportRun");

            migrationBuilder.AddColumn<int>(
                name: "ArchivedLeftOut",
                table: "ImportRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "DeletedLeftOut",
                table: "ImportRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "MatchKind",
                table: "StagedStaff",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");

            // Rows staged before this migration knew only the matched staff member; the plan still prefers a link.
            migrationBuilder.Sql("UPDATE StagedStaff SET MatchKind = 'SameEmail' WHERE MatchStaffMemberId IS NOT NULL;");

            migrationBuilder.AddColumn<string>(
                name: "MatchReason",
                table: "StagedStaff",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportRun_FetchRunId",
                table: "ImportRun",
                column: "FetchRunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ImportRun_FetchRunId",
                table: "ImportRun");

            migrationBuilder.DropColumn(
                name: "MatchKind",
                table: "StagedStaff");

            migrationBuilder.DropColumn(
                name: "MatchReason",
                table: "StagedStaff");

            migrationBuilder.RenameColumn(
                name: "MatchStaffMemberId",
                table: "StagedStaff",
                newName: "ExistingStaffMemberId");

            migrationBuilder.DropColumn(
                name: "ArchivedLeftOut",
                table: "ImportRun");

            migrationBuilder.DropColumn(
                name: "DeletedLeftOut",
                table: "ImportRun");

            migrationBuilder.AddColumn<int>(
                name: "GroupCount",
                table: "ImportRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Failed",
                table: "ImportRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "StagedGroup",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    XpmUuid = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StagedGroup", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StagedGroup_ImportRun_RunId",
                        column: x => x.RunId,
                        principalTable: "ImportRun",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StagedGroup_RunId_XpmUuid",
                table: "StagedGroup",
                columns: new[] { "RunId", "XpmUuid" },
                unique: true);
        }
    }
}
