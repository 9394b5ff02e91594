/**
 * The service's HTTP front, below every route: one error answer whoever refuses a request (the
 * {@code /error} page the servlet container forwards to, Tomcat's own error report, Spring
 * Security's firewall), the size limit of request bodies, and how strictly JSON bodies are read.
 * Every error is {@code {"error": {"code", "message", "fields"}}} ({@link io.ziiklb.http.ErrorBody})
 * with a status and code from {@link io.ziiklb.web.ErrorStatus}.
 */
package io.ziiklb.web;
