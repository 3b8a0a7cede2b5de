package ca.gardien.connectors.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * URL properties refused for every JDBC product, whatever an operator allows: those that load classes, run code or
 * scripts, read or write local files, replace the socket factory or carry a secret, in the drivers Gardien ships and
 * the usual others. Names are compared in lower case without {@code _ - .}, whole or by part.
 */
public final class ForbiddenProperties {

    private ForbiddenProperties() {}

    /** Whole names. */
    private static final Set<String> FORBIDDEN = Set.of(
            "init",
            "runscript",
            "password",
            "socketfactory",
            "socketfactoryarg",
            "sslfactory",
            "sslfactoryarg",
            "sslhostnameverifier",
            "sslpasswordcallback",
            "sslpassword",
            "sslkey",
            "sslcert",
            "sslrootcert",
            "loggerfile",
            "loggerlevel",
            "authenticationpluginclassname",
            "credentialtype",
            "allowlocalinfile",
            "allowloadlocalinfile",
            "allowurlinlocalinfile",
            "localsocket",
            "pipe",
            "serversslcert",
            "keystore",
            "truststore",
            "autodeserialize",
            "propertiestransform",
            "service",
            "pgpassfile",
            "jaasapplicationname",
            "jaaslogin",
            "kerberosservername",
            "gsslib",
            "autoserver",
            "autoreconnect",
            "tracelevelfile",
            "javaobjectserializer",
            "options");
    /** Parts of names that give the same powers under other spellings. */
    private static final List<String> FORBIDDEN_PARTS = List.of(
            "class",
            "factory",
            "plugin",
            "file",
            "script",
            "callback",
            "verifier",
            "interceptor",
            "deserializ",
            "transform",
            "loader",
            "init",
            "alias",
            "infile",
            "keystore",
            "truststore",
            "cert",
            "logger",
            "secret",
            "password",
            "credential");

    /** Whether this property is refused for every product. */
    static boolean forbidden(String property) {
        var key = property.toLowerCase(Locale.ROOT).replaceAll("[_.-]", "");
        return FORBIDDEN.contains(key) || FORBIDDEN_PARTS.stream().anyMatch(key::contains);
    }
}
