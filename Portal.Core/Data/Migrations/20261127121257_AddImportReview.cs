using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddImportReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExistingStaffMemberId",
                table: "StagedStaff",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MatchClientId",
                table: "StagedClient",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MatchKind",
                table: "StagedClient",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MatchReason",
                table: "StagedClient",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Suggestion",
                table: "StagedClient",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Created",
                table: "ImportRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DetailLevel",
                table: "ImportRun",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Failed",
                table: "ImportRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Linked",
                table: "ImportRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReviewStep",
                table: "ImportRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Skipped",
                table: "ImportRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Updated",
                table: "ImportRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExistingStaffMemberId",
                table: "StagedStaff");

            migrationBuilder.DropColumn(
                name: "MatchClientId",
                table: "StagedClient");

            migrationBuilder.DropColumn(
                name: "MatchKind",
                table: "StagedClient");

            migrationBuilder.DropColumn(
                name: "MatchReason",
                table: "StagedClient");

            migrationBuilder.DropColumn(
                name: "Suggestion",
                table: "StagedClient");

            migrationBuilder.DropColumn(
                name: "Created",
                table: "ImportRun");

            migrationBuilder.DropColumn(
                name: "DetailLevel",
                table: "ImportRun");

            migrationBuilder.DropColumn(
                name: "Failed",
                table: "ImportRun");

            migrationBuilder.DropColumn(
                name: "Linked",
                table: "ImportRun");

            migrationBuilder.DropColumn(
                name: "ReviewStep",
                table: "ImportRun");

            migrationBuilder.DropColumn(
                name: "Skipped",
                table: "ImportRun");

            migrationBuilder.DropColumn(
                name: "Updated",
                table: "ImportRun");
        }
    }
}
