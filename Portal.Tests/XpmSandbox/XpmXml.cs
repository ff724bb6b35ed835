using System.Xml.Linq;

namespace Portal.XpmSandbox;

/// <summary>Small XML assertions for XPM envelopes.</summary>
internal static class XpmXml
{
    public static void ShouldBeOk(this XElement response, string apiMethod)
    {
        response.Name.LocalName.ShouldBe("Response");
        response.Attribute("api-method")!.Value.ShouldBe(apiMethod);
        response.Element("Status")!.Value.ShouldBe("OK");
    }

    public static void ShouldBeError(this XElement response, string apiMethod, string description)
    {
        response.Attribute("api-method")!.Value.ShouldBe(apiMethod);
        response.Element("Status")!.Value.ShouldBe("ERROR");
        response.Element("ErrorDescription")!.Value.ShouldBe(description);
    }

    public static string[] ChildNames(this XElement element) => [.. element.Elements().Select(e => e.Name.LocalName)];

    public static XElement ClientNamed(this XElement response, string name) =>
        response.Element("Clients")!.Elements("Client").Single(c => c.Element("Name")!.Value == name);

    public static string Text(this XElement element, string child) => element.Element(child)!.Value;
}
