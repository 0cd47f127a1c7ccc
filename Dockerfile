# syntax=docker/dockerfile:1

# Build: restore from the project files alone first, so the package layer survives code changes.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY ChatWeb.Domain/ChatWeb.Domain.csproj ChatWeb.Domain/
COPY ChatWeb/ChatWeb.csproj ChatWeb/
RUN dotnet restore ChatWeb/ChatWeb.csproj
COPY ChatWeb.Domain/ ChatWeb.Domain/
COPY ChatWeb/ ChatWeb/
RUN dotnet publish ChatWeb/ChatWeb.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# The runtime image has no HTTP client and the app has no self-check switch; curl is the plain,
# well-known way for HEALTHCHECK to ask /healthz, which also checks the database.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# Writable by the non-root user: data/ holds the default SQLite file, data/attachments/ the files
# people share, keys/ the data protection keys (when DataProtection__KeysPath=/app/keys). A named
# volume mounted on any of them inherits this owner.
RUN mkdir -p /app/data/attachments /app/keys && chown "$APP_UID" /app/data /app/data/attachments /app/keys
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent --show-error --output /dev/null http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "ChatWeb.dll"]
