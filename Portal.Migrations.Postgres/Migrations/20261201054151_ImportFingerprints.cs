using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ImportFingerprint",
                table: "StaffXpmLinks",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImportFingerprint",
                table: "ClientXpmLinks",
                type: "bigint",
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
