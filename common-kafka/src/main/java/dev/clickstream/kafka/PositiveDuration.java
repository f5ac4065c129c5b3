package dev.clickstream.kafka;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import org.hibernate.validator.constraints.time.DurationMin;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;

/**
 * A duration above zero, for every timeout, interval and period the services are configured with. On a
 * {@code @Validated} configuration properties record, a zero or negative value stops the start-up with Spring Boot's
 * report naming the property, the value and where it was set. A missing value (null) is valid.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@DurationMin(nanos = 0, inclusive = false)
@ReportAsSingleViolation
public @interface PositiveDuration {

	String message() default "must be a positive duration such as 500ms or 1s";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
