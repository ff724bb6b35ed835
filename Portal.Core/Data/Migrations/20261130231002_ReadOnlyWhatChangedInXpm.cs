using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReadOnlyWhatChangedInXpm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OwnContactUuid",
                table: "StagedClient",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ContactUuid",
                table: "StaffXpmLinks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FullReimport",
                table: "ImportRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ModifiedSince",
                table: "ImportRun",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ContactUuid",
                table: "ClientXpmLinks",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OwnContactUuid",
                table: "StagedClient");

            migrationBuilder.DropColumn(
                name: "ContactUuid",
                table: "StaffXpmLinks");

            migrationBuilder.DropColumn(
                name: "FullReimport",
                table: "ImportRun");

            migrationBuilder.DropColumn(
                name: "ModifiedSince",
                table: "ImportRun");

            migrationBuilder.DropColumn(
                name: "ContactUuid",
                table: "ClientXpmLinks");
        }
    }
}
