/* test-api-error.c: how server error answers become sentences for people
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ferry-api-error.h"

static void
test_status_codes (void)
{
  g_assert_cmpint (ferry_api_error_code_for_status (401), ==, FERRY_API_ERROR_AUTH);
  g_assert_cmpint (ferry_api_error_code_for_status (403), ==, FERRY_API_ERROR_FORBIDDEN);
  g_assert_cmpint (ferry_api_error_code_for_status (404), ==, FERRY_API_ERROR_NOT_FOUND);
  g_assert_cmpint (ferry_api_error_code_for_status (410), ==, FERRY_API_ERROR_NOT_FOUND);
  g_assert_cmpint (ferry_api_error_code_for_status (422), ==, FERRY_API_ERROR_INVALID);
  g_assert_cmpint (ferry_api_error_code_for_status (429), ==, FERRY_API_ERROR_RATE_LIMITED);
  g_assert_cmpint (ferry_api_error_code_for_status (500), ==, FERRY_API_ERROR_SERVER);
  g_assert_cmpint (ferry_api_error_code_for_status (503), ==, FERRY_API_ERROR_SERVER);
  g_assert_cmpint (ferry_api_error_code_for_status (501), ==, FERRY_API_ERROR_UNSUPPORTED);
  g_assert_cmpint (ferry_api_error_code_for_status (302), ==, FERRY_API_ERROR_BAD_RESPONSE);
}

static char *
extract (const char *content_type,
         const char *body)
{
  return ferry_api_error_extract_message (content_type, body, body ? strlen (body) : 0);
}

static void
test_extract_mastodon (void)
{
  g_autofree char *moved = NULL;
  g_autofree char *validation = NULL;
  g_autofree char *oauth = NULL;
  g_autofree char *akkoma = NULL;
  g_autofree char *misskey = NULL;

  /* api-facts §0.2: a moved account's token */
  moved = extract ("application/json; charset=utf-8",
                   "{\"error\":\"Your login is currently disabled\"}");
  g_assert_cmpstr (moved, ==, "Your login is currently disabled");

  validation = extract ("application/json",
                        "{\"error\":\"Validation failed: Title can't be blank\","
                        "\"details\":{\"title\":[{\"error\":\"ERR_BLANK\"}]}}");
  g_assert_cmpstr (validation, ==, "Validation failed: Title can't be blank");

  /* OAuth answers: the description is the readable part. */
  oauth = extract ("application/json",
                   "{\"error\":\"invalid_grant\",\"error_description\":\"The provided "
                   "authorization grant is invalid, expired, revoked.\"}");
  g_assert_cmpstr (oauth, ==, "The provided authorization grant is invalid, expired, revoked.");

  /* Akkoma answers errors as JSON, sometimes typed text/html. */
  akkoma = extract ("text/html", "  {\"error\": \"Target account must have the origin in `alsoKnownAs`\"}");
  g_assert_cmpstr (akkoma, ==, "Target account must have the origin in `alsoKnownAs`");

  misskey = extract ("application/json",
                     "{\"error\":{\"message\":\"Destination account doesn't have proper "
                     "'Known As' alias.\",\"code\":\"NO_ALIAS\"}}");
  g_assert_cmpstr (misskey, ==, "Destination account doesn't have proper 'Known As' alias.");
}

static void
test_extract_garbage (void)
{
  static const char *bodies[] = {
    "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>",
    "{\"error\":",                     /* truncated */
    "[\"error\"]",                     /* not an object */
    "{\"error\":42}",                  /* not text */
    "{\"message\":\"no error member\"}",
    "{\"error\":\"   \"}",              /* only space */
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *text = extract ("application/json", bodies[i]);

      g_assert_null (text);
    }

  g_assert_null (ferry_api_error_extract_message ("application/json", NULL, 0));
}

static void
test_extract_tidies (void)
{
  g_autofree char *lines = NULL;
  g_autofree char *invalid = NULL;
  g_autofree char *long_text = NULL;
  g_autoptr(GString) huge = g_string_new ("{\"error\":\"");

  lines = extract (NULL, "{\"error\":\"first line\\n\\tsecond\\r\\nthird  \"}");
  g_assert_cmpstr (lines, ==, "first line second third");

  /* Invalid UTF-8 from a server must not reach a label. */
  invalid = extract ("application/json", "{\"error\":\"caf\\u00e9 ok\"}");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  g_assert_cmpstr (invalid, ==, "café ok");

  for (guint i = 0; i < 1000; i++)
    g_string_append (huge, "é");
  g_string_append (huge, "\"}");
  long_text = extract ("application/json", huge->str);
  g_assert_nonnull (long_text);
  g_assert_cmpint (g_utf8_strlen (long_text, -1), ==, 301);
  g_assert_true (g_str_has_suffix (long_text, "…"));
}

static void
test_new_for_response (void)
{
  g_autoptr(GError) forbidden = NULL;
  g_autoptr(GError) html = NULL;
  g_autoptr(GError) limited = NULL;
  g_autoptr(GError) ok_but_broken = NULL;
  const char *html_body = "<html><body>Bad Gateway</body></html>";
  const char *body = "{\"error\":\"Your login is currently disabled\"}";

  forbidden = ferry_api_error_new_for_response ("old.example", 403, "application/json",
                                                body, strlen (body));
  g_assert_error (forbidden, FERRY_API_ERROR, FERRY_API_ERROR_FORBIDDEN);
  g_assert_cmpstr (forbidden->message, ==,
                   "old.example answered “Your login is currently disabled” (403).");

  html = ferry_api_error_new_for_response ("old.example", 502, "text/html",
                                           html_body, strlen (html_body));
  g_assert_error (html, FERRY_API_ERROR, FERRY_API_ERROR_SERVER);
  g_assert_cmpstr (html->message, ==, "old.example had a problem of its own. (502)");
  g_assert_null (strstr (html->message, "<html>"));

  limited = ferry_api_error_new_for_response ("new.example", 429, NULL, NULL, 0);
  g_assert_error (limited, FERRY_API_ERROR, FERRY_API_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (limited->message, "new.example"));

  ok_but_broken = ferry_api_error_new_for_response ("new.example", 200, "text/html",
                                                    html_body, strlen (html_body));
  g_assert_error (ok_but_broken, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE);
}

/* Callers decide on fields, not on the sentence: the status and the server's own words are
 * kept beside the message, survive a copy, and read as nothing on any other error. */
static void
test_fields (void)
{
  const char *body = "{\"error\":\"Your login is currently disabled\"}";
  const char *html_body = "<html><body>Bad Gateway</body></html>";
  g_autoptr(GError) forbidden = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) html = NULL;
  g_autoptr(GError) limited = NULL;
  g_autoptr(GError) in_body = NULL;
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "no");
  g_autoptr(GError) bare = g_error_new_literal (FERRY_API_ERROR, FERRY_API_ERROR_NETWORK, "down");

  forbidden = ferry_api_error_new_for_response ("old.example", 403, "application/json",
                                                body, strlen (body));
  g_assert_cmpuint (ferry_api_error_get_http_status (forbidden), ==, 403);
  g_assert_cmpstr (ferry_api_error_get_server_text (forbidden), ==,
                   "Your login is currently disabled");
  g_assert_cmpint (ferry_api_error_get_reset_time (forbidden), ==, 0);

  copy = g_error_copy (forbidden);
  g_assert_cmpuint (ferry_api_error_get_http_status (copy), ==, 403);
  g_assert_cmpstr (ferry_api_error_get_server_text (copy), ==,
                   "Your login is currently disabled");

  html = ferry_api_error_new_for_response ("old.example", 502, "text/html",
                                           html_body, strlen (html_body));
  g_assert_cmpuint (ferry_api_error_get_http_status (html), ==, 502);
  g_assert_null (ferry_api_error_get_server_text (html));

  limited = ferry_api_error_new_for_response ("new.example", 429, NULL, NULL, 0);
  ferry_api_error_set_reset_time (limited, 1767225600);
  g_assert_cmpint (ferry_api_error_get_reset_time (limited), ==, 1767225600);
  g_clear_error (&copy);
  copy = g_error_copy (limited);
  g_assert_cmpint (ferry_api_error_get_reset_time (copy), ==, 1767225600);

  /* Akkoma says refusals in the body of a 200. */
  in_body = ferry_api_error_new_full (FERRY_API_ERROR_INVALID, 200, "Invalid password.",
                                      "%s answered “%s”.", "akkoma.example", "Invalid password.");
  g_assert_error (in_body, FERRY_API_ERROR, FERRY_API_ERROR_INVALID);
  g_assert_cmpuint (ferry_api_error_get_http_status (in_body), ==, 200);
  g_assert_cmpstr (ferry_api_error_get_server_text (in_body), ==, "Invalid password.");

  g_assert_cmpuint (ferry_api_error_get_http_status (bare), ==, 0);
  g_assert_null (ferry_api_error_get_server_text (bare));
  g_assert_cmpuint (ferry_api_error_get_http_status (other), ==, 0);
  g_assert_null (ferry_api_error_get_server_text (other));
  g_assert_cmpint (ferry_api_error_get_reset_time (other), ==, 0);
  g_assert_cmpuint (ferry_api_error_get_http_status (NULL), ==, 0);
}

/* Empty and blank texts parse with no root: asked for their object, they have none, and no
 * Json-CRITICAL comes (fatal in this test). Only an object is an object. */
static void
test_root_object (void)
{
  static const struct { const char *text; gboolean object; } cases[] = {
    { "", FALSE }, { "   \n", FALSE }, { "[]", FALSE }, { "42", FALSE }, { "null", FALSE },
    { "{}", TRUE }, { "{\"k\": 1}", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_true (json_parser_load_from_data (parser, cases[i].text, -1, NULL));
      g_assert_cmpint (ferry_api_json_root_object (parser) != NULL, ==, cases[i].object);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/api-error/status-codes", test_status_codes);
  g_test_add_func ("/api-error/extract/mastodon", test_extract_mastodon);
  g_test_add_func ("/api-error/extract/garbage", test_extract_garbage);
  g_test_add_func ("/api-error/extract/tidies", test_extract_tidies);
  g_test_add_func ("/api-error/new-for-response", test_new_for_response);
  g_test_add_func ("/api-error/root-object", test_root_object);
  g_test_add_func ("/api-error/fields", test_fields);

  return g_test_run ();
}
