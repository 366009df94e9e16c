package io.dddpersistence.sample.web;

import java.util.Collection;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.dddpersistence.specification.RepeatedParameterException;

/**
 * Refuses a request that repeats a parameter its endpoint reads as one value ({@code lat} twice in
 * {@code /stores/near}): 400 {@code repeated-parameter}, as the library answers a repeated search
 * parameter. Spring MVC would otherwise take the first value, or, when that does not convert, answer
 * with a message printing the values as a Java array.
 */
@Component
class SingleValuedParameters implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			for (MethodParameter parameter : method.getMethodParameters()) {
				RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
				if (annotation == null || !singleValued(parameter.getParameterType())) {
					continue;
				}
				String name = annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name();
				String[] values = (name != null) ? request.getParameterValues(name) : null;
				if (values != null && values.length > 1) {
					throw new RepeatedParameterException(name);
				}
			}
		}
		return true;
	}

	private static boolean singleValued(Class<?> type) {
		return !type.isArray() && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type);
	}

}
