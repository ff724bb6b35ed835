using System.Reflection;
using NetArchTest.Rules;
using Portal.Core.Data;

namespace Portal.Architecture;

/// <summary>
/// The project boundaries, read from the compiled assemblies (method bodies included): Portal.Core is free of UI
/// frameworks and of the sandbox, and in Portal.Web only the start-up (Program) names a sandbox type.
/// </summary>
public sealed class ProjectBoundaryTests
{
    private static readonly Assembly Core = typeof(PortalDbContext).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;
    private static readonly Assembly Sandbox = typeof(XpmSandboxExtensions).Assembly;

    private static readonly string[] UiAndHosts =
    [
        "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Razor", "MudBlazor",
        "Portal.Web", "Portal.XpmSandbox",
    ];

    [Fact]
    public void PortalCore_ReferencesNoUiAssemblyNorTheWebOrSandboxProjects()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.Where(name => UiAndHosts.Any(forbidden => name == forbidden || name.StartsWith(forbidden + ".", StringComparison.Ordinal)))
            .ShouldBeEmpty();
        references.ShouldContain("Microsoft.EntityFrameworkCore");
    }

    [Fact]
    public void PortalCore_TypesUseNoUiFrameworkNorTheWebOrSandboxProjects()
    {
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny(UiAndHosts).GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void PortalWeb_OnlyTheStartUpUsesSandboxTypes()
    {
        var result = Types.InAssembly(Web).ShouldNot().HaveDependencyOn(Sandbox.GetName().Name).GetResult();

        // The start-up's top-level statements compile into Program (and its compiler-generated nested types).
        (result.FailingTypeNames ?? []).Where(name => name != "Program" && !name.StartsWith("Program/", StringComparison.Ordinal) && !name.StartsWith("Program+", StringComparison.Ordinal))
            .ShouldBeEmpty();
        // And the check does see the start-up's two calls: it is not vacuous.
        (result.FailingTypeNames ?? []).ShouldContain("Program");
    }

    [Fact]
    public void PortalXpmSandbox_UsesNothingOfPortalWeb()
    {
        Sandbox.GetReferencedAssemblies().Select(a => a.Name).ShouldNotContain("Portal.Web");
    }
}
