using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportFingerprints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Fingerprint",
                table: "StagedClient",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ImportFingerprint",
                table: "StaffXpmLinks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImportFingerprint",
                table: "ClientXpmLinks",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Fingerprint",
                table: "StagedClient");

            migrationBuilder.DropColumn(
                name: "ImportFingerprint",
                table: "StaffXpmLinks");

            migrationBuilder.DropColumn(
                name: "ImportFingerprint",
                table: "ClientXpmLinks");
        }
    }
}
