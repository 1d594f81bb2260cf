package dev.crumb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.testsupport.TestKeys;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Crumb's public API")
class PublicApiTest {

    @Test
    @DisplayName("no public signature of a dev.crumb type names an internal type")
    void noInternalTypes() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicTypes()) {
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                    check(type, m.toGenericString(), leaks, m.getGenericReturnType());
                    check(type, m.toGenericString(), leaks, m.getGenericParameterTypes());
                    check(type, m.toGenericString(), leaks, m.getGenericExceptionTypes());
                }
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(c.getModifiers())) {
                    check(type, c.toGenericString(), leaks, c.getGenericParameterTypes());
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers())) {
                    check(type, f.toGenericString(), leaks, f.getGenericType());
                }
            }
            check(type, type.getName() + " extends", leaks, type.getGenericSuperclass());
            check(type, type.getName() + " implements", leaks, type.getGenericInterfaces());
        }
        assertThat(leaks).isEmpty();
        assertThat(publicTypes()).contains(CrumbConfig.class, CookieOptions.class, CrumbConfig.Builder.class);
    }

    @Test
    @DisplayName("the configuration hands out no key, hash key or password hash, only whether one is set")
    void noSecrets() {
        String key = TestKeys.key(1);
        String hashKey = TestKeys.key(2);
        CrumbConfig config = CrumbConfig.builder().keys(key).hashKey(hashKey)
                .analystPasswordHash(AnalystPassword.hash("correct horse battery".toCharArray())).store(CrumbStores.inMemory()).build();
        for (Class<?> type : List.of(CrumbConfig.class, CookieOptions.class, AnalyticsOptions.class)) {
            Stream.of(type.getMethods())
                    .filter(m -> m.getDeclaringClass() == type && m.getParameterCount() == 0 && m.getReturnType() != boolean.class)
                    .forEach(m -> assertThat(m.getName().toLowerCase()).as(type.getSimpleName() + "." + m.getName())
                            .doesNotContain("key").doesNotContain("hash").doesNotContain("password"));
        }
        assertThat(config.cookie().toString()).doesNotContain(key).doesNotContain(hashKey);
        assertThat(config.cookie().hasHashKey()).isTrue();
        assertThat(config.analytics().enabled()).isTrue();
    }

    private static void check(Class<?> owner, String member, List<String> leaks, Type... types) {
        for (Type t : types) {
            if (t == null) {
                continue;
            }
            if (t instanceof Class<?> c) {
                Class<?> element = c.isArray() ? c.getComponentType() : c;
                if (element.getName().startsWith("dev.crumb.internal.")) {
                    leaks.add(owner.getName() + ": " + member);
                }
            } else if (t instanceof ParameterizedType p) {
                check(owner, member, leaks, p.getRawType());
                check(owner, member, leaks, p.getActualTypeArguments());
            } else if (t instanceof WildcardType w) {
                check(owner, member, leaks, w.getUpperBounds());
                check(owner, member, leaks, w.getLowerBounds());
            }
        }
    }

    /** Every public class of dev.crumb and dev.crumb.store, nested public classes included. */
    private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(CrumbConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        for (String pkg : List.of("dev/crumb", "dev/crumb/store")) {
            try (Stream<Path> files = Files.list(root.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String name = pkg.replace('/', '.') + "." + f.getFileName().toString().replace(".class", "");
                    Class<?> c = Class.forName(name, false, PublicApiTest.class.getClassLoader());
                    if (Modifier.isPublic(c.getModifiers()) && (c.getEnclosingClass() == null
                            || Arrays.asList(c.getEnclosingClass().getClasses()).contains(c))) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }
}
