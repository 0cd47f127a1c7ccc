using System.Net.Http.Json;

namespace ChatWeb.Bench.Clients;

/// <summary>Signs users in through the server's token endpoint, as any script or app would.</summary>
internal static class TokenClient
{
    private sealed record TokenResponse(string AccessToken);

    /// <summary>
    /// Each login costs the server one PBKDF2 hash (tens of ms of CPU), so a few run at once:
    /// more would only queue on the server's two cores.
    /// </summary>
    public static async Task<string[]> LoginAllAsync(Uri baseUri, IReadOnlyList<string> userNames, string password, int parallelism = 4)
    {
        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        var tokens = new string[userNames.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, userNames.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (i, ct) =>
            {
                using var response = await http.PostAsJsonAsync("/api/auth/login", new { email = userNames[i], password }, ct);
                if (!response.IsSuccessStatusCode)
                {
                    var text = await response.Content.ReadAsStringAsync(ct);
                    throw new InvalidOperationException($"Login of {userNames[i]} failed: {(int)response.StatusCode} {text}");
                }
                var token = await response.Content.ReadFromJsonAsync<TokenResponse>(ct);
                tokens[i] = token?.AccessToken ?? throw new InvalidOperationException($"No token for {userNames[i]}.");
            });
        return tokens;
    }
}
