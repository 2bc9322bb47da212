# Builds and runs CSP Grants. Used by docker-compose.yml; needs a PostgreSQL (see README).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/csp-grants-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app csp
WORKDIR /app
COPY --from=build /src/app.jar app.jar
USER csp
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
