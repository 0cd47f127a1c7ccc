using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using MimeKit;

namespace ChatWeb.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a free loopback port that keeps every message it is handed: enough of the
/// protocol (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for any client, no TLS and no relaying.
/// Stops with the fixture.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly TimeSpan MailPatience = TimeSpan.FromSeconds(20);

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Channel<MimeMessage> received = Channel.CreateUnbounded<MimeMessage>();
    private readonly Task accepting;

    public SmtpSink()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>The next message to <paramref name="recipient"/> with this subject, waiting up to 20 s; others are passed over.</summary>
    public async Task<MimeMessage> NextMessageToAsync(string recipient, string subject)
    {
        using var timeout = new CancellationTokenSource(MailPatience);
        try
        {
            while (true)
            {
                var message = await received.Reader.ReadAsync(timeout.Token);
                if (message.Subject == subject && message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase)))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No mail \"{subject}\" reached {recipient} within {MailPatience.TotalSeconds} s.");
        }
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost ChatWeb test SMTP sink");
            while (await reader.ReadLineAsync(stopping.Token) is { } line)
            {
                var command = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (command)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        await received.Writer.WriteAsync(await ReadDataAsync(reader));
                        await writer.WriteLineAsync("250 OK: queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    case "HELO" or "MAIL" or "RCPT" or "RSET" or "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
    }

    private async Task<MimeMessage> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(stopping.Token) is { } line && line != ".")
        {
            // Dot-stuffing: a line that starts with a dot was sent with a second one.
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(data.ToString()));
        return await MimeMessage.LoadAsync(content, stopping.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        stopping.Dispose();
    }
}
