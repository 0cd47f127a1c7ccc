using System.Security.Cryptography;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// Version 7 ids (RFC 9562: time-ordered, so new rows land at the end of the id index) for the
/// messages the writer stores. <see cref="Guid.CreateVersion7()"/> asks the operating system for
/// its random bits on every call, one system call per message on Linux; these come from a buffer
/// filled a few kilobytes at a time, so a batch of 256 messages costs one.
/// </summary>
internal static class MessageIds
{
    private const int IdsPerRefill = 256;

    // One buffer per thread, so no lock: in practice only the message writer's thread asks.
    [ThreadStatic] private static byte[]? random;
    [ThreadStatic] private static int used;

    /// <summary>A new id whose timestamp is <paramref name="sentAt"/> to the millisecond.</summary>
    public static Guid NewId(DateTime sentAt)
    {
        if (random is null || used == random.Length)
        {
            random ??= new byte[IdsPerRefill * 16];
            RandomNumberGenerator.Fill(random);
            used = 0;
        }
        Span<byte> id = stackalloc byte[16];
        random.AsSpan(used, 16).CopyTo(id);
        used += 16;

        var unixMs = new DateTimeOffset(DateTime.SpecifyKind(sentAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            id[i] = (byte)(unixMs >> (40 - 8 * i));
        }
        id[6] = (byte)(0x70 | (id[6] & 0x0F));
        id[8] = (byte)(0x80 | (id[8] & 0x3F));
        return new Guid(id, bigEndian: true);
    }
}
