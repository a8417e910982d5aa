namespace Monitoring.Functions.Api;

/// <summary>Problem-details answers shared by the API endpoints.</summary>
internal static class ApiProblems
{
    public static IResult UnknownCheck(string name) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such check.", detail: $"The spec has no check named '{name}'.");

    public static IResult OutOfRange(string parameter, string? value, int min, int max) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A query parameter is out of range.",
            detail: $"'{parameter}' must be a whole number from {min} to {max}; got '{value}'.");

    /// <summary>Parses an optional bounded integer query value; null when it is bad.</summary>
    public static int? ParseBounded(string? value, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : null;
    }
}
