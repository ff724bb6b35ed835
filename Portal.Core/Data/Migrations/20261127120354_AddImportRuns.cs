using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddImportRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportRun",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PracticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    StartedByEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ItemsDone = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemsTotal = table.Column<int>(type: "INTEGER", nullable: true),
                    StaffCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ClientCount = table.Column<int>(type: "INTEGER", nullable: false),
                    EntityCount = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    FetchRunId = table.Column<int>(type: "INTEGER", nullable: true)
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
                name: "StagedClient",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    XpmUuid = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", nullable: true),
                    LastName = table.Column<string>(type: "TEXT", nullable: true),
                    BusinessStructure = table.Column<string>(type: "TEXT", nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", nullable: true),
                    Mobile = table.Column<string>(type: "TEXT", nullable: true),
                    AccountManagerUuid = table.Column<Guid>(type: "TEXT", nullable: true),
                    JobManagerUuid = table.Column<Guid>(type: "TEXT", nullable: true),
                    WebUrl = table.Column<string>(type: "TEXT", nullable: true),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsSelected = table.Column<bool>(type: "INTEGER", nullable: false),
                    PhysicalCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PhysicalCountry = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PhysicalPostCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PhysicalRegion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PhysicalStreet = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PostalCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PostalCountry = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PostalPostCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PostalRegion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PostalStreet = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
                name: "StagedGroup",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    XpmUuid = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "StagedRelationship",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    XpmUuid = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClientUuid = table.Column<Guid>(type: "TEXT", nullable: false),
                    RelatedClientUuid = table.Column<Guid>(type: "TEXT", nullable: false),
                    RelatedClientName = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", nullable: false),
                    NumberOfShares = table.Column<int>(type: "INTEGER", nullable: true),
                    Percentage = table.Column<decimal>(type: "TEXT", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    XpmUuid = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", nullable: true),
                    Mobile = table.Column<string>(type: "TEXT", nullable: true),
                    WebUrl = table.Column<string>(type: "TEXT", nullable: true),
                    IsSelected = table.Column<bool>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_ImportRun_PracticeId_Status",
                table: "ImportRun",
                columns: new[] { "PracticeId", "Status" });

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
                name: "IX_StagedGroup_RunId_XpmUuid",
                table: "StagedGroup",
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StagedClient");

            migrationBuilder.DropTable(
                name: "StagedGroup");

            migrationBuilder.DropTable(
                name: "StagedRelationship");

            migrationBuilder.DropTable(
                name: "StagedStaff");

            migrationBuilder.DropTable(
                name: "ImportRun");
        }
    }
}
