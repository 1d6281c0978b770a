# FlowStudio: front-end bundle built with Node, the app with the .NET 10 SDK, run on the ASP.NET Core 10 runtime.
# Arguments after the image name reach the app's configuration: `docker run flowstudio --role worker` (see docker-compose.yml).
FROM node:20-bookworm-slim AS assets
WORKDIR /src/wwwroot-assets
COPY wwwroot-assets/package.json wwwroot-assets/package-lock.json ./
RUN npm ci
COPY wwwroot-assets/ ./
RUN node build.mjs

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
COPY --from=assets /src/src/FlowStudio.Web/wwwroot/dist src/FlowStudio.Web/wwwroot/dist
RUN dotnet publish src/FlowStudio.Web/FlowStudio.Web.csproj -c Release -o /app -p:SkipFrontEndAssets=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
COPY templates /app/templates
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__FlowStudio="Data Source=/data/flowstudio.db" \
    Templates__Directory=/app/templates \
    Sandbox__Enabled=false
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "FlowStudio.Web.dll"]
