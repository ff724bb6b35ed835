using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeaseRunsAndKeepKeysInDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SyncConflicts_ClientId_Field",
                table: "SyncConflicts");

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseExpiresAt",
                table: "ImportRun",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "ImportRun",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SyncConflicts_ClientId_Field",
                table: "SyncConflicts",
                columns: new[] { "ClientId", "Field" },
                unique: true,
                filter: "\"ResolvedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropIndex(
                name: "IX_SyncConflicts_ClientId_Field",
                table: "SyncConflicts");

            migrationBuilder.DropColumn(
                name: "LeaseExpiresAt",
                table: "ImportRun");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "ImportRun");

            migrationBuilder.CreateIndex(
                name: "IX_SyncConflicts_ClientId_Field",
                table: "SyncConflicts",
                columns: new[] { "ClientId", "Field" },
                unique: true,
                filter: "ResolvedAt IS NULL");
        }
    }
}
