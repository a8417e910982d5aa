namespace Monitoring.Functions.Demo.Shop;

/// <summary>The body of <c>POST /demo/api/login</c>.</summary>
/// <param name="Username">Only <c>demo</c> exists.</param>
/// <param name="Password">Any non-empty value is accepted: the monitor's secret comes from its environment and the shop must not care which it is.</param>
internal sealed record DemoLoginRequest(string? Username, string? Password)
{
    /// <summary>Keeps the password out of logs and debugger views, should anything ever print the request.</summary>
    public override string ToString() => $"{nameof(DemoLoginRequest)} {{ Username = {Username}, Password = *** }}";
}
