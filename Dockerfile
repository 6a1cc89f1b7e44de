# The Archive as a container: docker compose up (see docker-compose.yml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props Archive.sln ./
COPY src/ src/
RUN dotnet publish src/Archive.Api/Archive.Api.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# Word 97 .doc files, which the portal still serves for older documents, are read with antiword.
RUN apt-get update && apt-get install -y --no-install-recommends antiword && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY samples/ /app/samples/
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
ENTRYPOINT ["dotnet", "Archive.Api.dll"]
