/**
 * The HTTP side of the {@code secured} profile, shared by both services: HTTP Basic users from the environment and
 * who may call what. Off unless {@code clickstream.security.enabled=true}, and then Spring Security is not set up at
 * all, so the other profiles answer as they would without it on the classpath.
 */
@NullMarked
package dev.clickstream.security;

import org.jspecify.annotations.NullMarked;
