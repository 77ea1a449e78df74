/* fedisim-browser.c: a scripted browser that does in the servers' pages what a person would:
 * sign in, authorize an app, fill in and send a settings form, upload an import
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * It talks real HTTPS to the servers, keeps cookies, and follows redirects itself, so a
 * test sees where the server sends the browser (a loopback redirect with the code, say).
 * It runs the main loop while it waits: for tests only.
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <string.h>

#include "fedisim-private.h"
#include "fedisim-browser.h"

struct _FedisimBrowser
{
  FedisimWorld  *world;
  SoupSession   *session;
  SoupCookieJar *cookies;
};

FedisimBrowser *
fedisim_browser_new (FedisimWorld *world)
{
  FedisimBrowser *browser = g_new0 (FedisimBrowser, 1);

  browser->world = world;
  browser->session = soup_session_new_with_options ("tls-database", world->database,
                                                    "user-agent", "fedisim-browser", NULL);
  browser->cookies = soup_cookie_jar_new ();
  soup_session_add_feature (browser->session, SOUP_SESSION_FEATURE (browser->cookies));
  return browser;
}

/* A browser for servers of another process (the standalone fedisim), trusting @ca_file. */
FedisimBrowser *
fedisim_browser_new_for_ca_file (const char  *ca_file,
                                 GError     **error)
{
  g_autoptr(GTlsDatabase) database = g_tls_file_database_new (ca_file, error);
  FedisimBrowser *browser;

  if (database == NULL)
    return NULL;
  browser = g_new0 (FedisimBrowser, 1);
  browser->session = soup_session_new_with_options ("tls-database", database,
                                                    "user-agent", "fedisim-browser", NULL);
  browser->cookies = soup_cookie_jar_new ();
  soup_session_add_feature (browser->session, SOUP_SESSION_FEATURE (browser->cookies));
  return browser;
}

void
fedisim_browser_free (FedisimBrowser *browser)
{
  if (browser == NULL)
    return;
  g_clear_object (&browser->cookies);
  g_clear_object (&browser->session);
  g_free (browser);
}

void
fedisim_browser_clear_cookies (FedisimBrowser *browser)
{
  GSList *all = soup_cookie_jar_all_cookies (browser->cookies);

  for (GSList *l = all; l; l = l->next)
    soup_cookie_jar_delete_cookie (browser->cookies, l->data);
  g_slist_free_full (all, (GDestroyNotify) soup_cookie_free);
}

typedef struct
{
  GBytes  *body;
  GError  *error;
  gboolean done;
} Wait;

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &wait->error);
  wait->done = TRUE;
}

/**
 * fedisim_browser_request:
 * @token: (nullable): a bearer token, for API calls
 * @content_type: (nullable): the body's type
 * @status: (out): the HTTP status
 * @headers: (out) (optional): the answer's headers
 *
 * One request, no redirect followed. Runs the main loop until it is answered.
 *
 * Returns: (transfer full): the body, or %NULL with @error on a failed connection
 */
GBytes *
fedisim_browser_request (FedisimBrowser  *browser,
                         const char      *method,
                         const char      *url,
                         const char      *token,
                         const char      *content_type,
                         GBytes          *body,
                         guint           *status,
                         SoupMessageHeaders **headers,
                         GError         **error)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  Wait wait = { NULL, NULL, FALSE };

  if (msg == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "bad URL %s", url);
      return NULL;
    }
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  if (token != NULL)
    {
      g_autofree char *authorization = g_strdup_printf ("Bearer %s", token);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    authorization);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);

  soup_session_send_and_read_async (browser->session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);

  if (wait.error != NULL)
    {
      g_propagate_error (error, wait.error);
      return NULL;
    }
  *status = soup_message_get_status (msg);
  if (headers != NULL)
    *headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  return wait.body;
}

/* A request whose only header of interest is Location. */
static GBytes *
request_location (FedisimBrowser  *browser,
                  const char      *method,
                  const char      *url,
                  const char      *content_type,
                  GBytes          *body,
                  guint           *status,
                  char           **location,
                  GError         **error)
{
  SoupMessageHeaders *headers = NULL;
  GBytes *answer = fedisim_browser_request (browser, method, url, NULL, content_type, body,
                                            status, &headers, error);

  if (headers != NULL)
    {
      *location = g_strdup (soup_message_headers_get_one (headers, "Location"));
      soup_message_headers_unref (headers);
    }
  return answer;
}

static char *
absolute (const char *base,
          const char *location)
{
  g_autoptr(GUri) base_uri = g_uri_parse (base, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GUri) uri = g_uri_parse_relative (base_uri, location, G_URI_FLAGS_NONE, NULL);

  return uri ? g_uri_to_string (uri) : g_strdup (location);
}

static gboolean
same_server (const char *a,
             const char *b)
{
  g_autoptr(GUri) ua = g_uri_parse (a, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GUri) ub = g_uri_parse (b, G_URI_FLAGS_NONE, NULL);

  return ua && ub && g_strcmp0 (g_uri_get_host (ua), g_uri_get_host (ub)) == 0 &&
         g_uri_get_port (ua) == g_uri_get_port (ub) &&
         g_strcmp0 (g_uri_get_scheme (ua), g_uri_get_scheme (ub)) == 0;
}

typedef struct
{
  char       *action;
  char       *method;
  GHashTable *fields;   /* name → value (hidden and text inputs) */
  char       *html;
} Form;

static void
form_free (Form *form)
{
  g_free (form->action);
  g_free (form->method);
  g_hash_table_unref (form->fields);
  g_free (form->html);
  g_free (form);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Form, form_free)

static char *
attribute (const char *tag,
           const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("\\s%s=\"([^\"]*)\"", name);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *raw = NULL;
  GString *value;

  if (!g_regex_match (regex, tag, 0, &match))
    return NULL;
  raw = g_match_info_fetch (match, 1);
  /* The entities g_markup_escape_text writes. */
  value = g_string_new (raw);
  g_string_replace (value, "&quot;", "\"", 0);
  g_string_replace (value, "&lt;", "<", 0);
  g_string_replace (value, "&gt;", ">", 0);
  g_string_replace (value, "&#39;", "'", 0);
  g_string_replace (value, "&apos;", "'", 0);
  g_string_replace (value, "&amp;", "&", 0);
  return g_string_free (value, FALSE);
}

/* The forms of a page, each with its inputs. */
static GPtrArray *
parse_forms (const char *html)
{
  GPtrArray *forms = g_ptr_array_new_with_free_func ((GDestroyNotify) form_free);
  g_autoptr(GRegex) form_re = g_regex_new ("<form([^>]*)>(.*?)</form>", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) input_re = g_regex_new ("<input[^>]*>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (form_re, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *attrs = g_match_info_fetch (match, 1);
      g_autofree char *inner = g_match_info_fetch (match, 2);
      g_autoptr(GMatchInfo) inputs = NULL;
      Form *form = g_new0 (Form, 1);

      form->action = attribute (attrs, "action");
      form->method = attribute (attrs, "method");
      form->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      form->html = g_strdup (inner);
      g_regex_match (input_re, inner, 0, &inputs);
      while (g_match_info_matches (inputs))
        {
          g_autofree char *tag = g_match_info_fetch (inputs, 0);
          g_autofree char *type = attribute (tag, "type");
          char *name = attribute (tag, "name");
          char *value = attribute (tag, "value");

          if (name != NULL && (g_strcmp0 (type, "radio") != 0 || strstr (tag, "checked")))
            g_hash_table_replace (form->fields, name, value ? value : g_strdup (""));
          else
            {
              g_free (name);
              g_free (value);
            }
          g_match_info_next (inputs, NULL);
        }
      g_ptr_array_add (forms, form);
      g_match_info_next (match, NULL);
    }
  return forms;
}

static GBytes *
encode_form (GHashTable *fields)
{
  GString *str = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *k = g_uri_escape_string (key, NULL, FALSE);
      g_autofree char *v = g_uri_escape_string (value, NULL, FALSE);

      g_string_append_printf (str, "%s%s=%s", str->len ? "&" : "", k, v);
    }
  return g_string_free_to_bytes (str);
}

/* GET url, following redirects on the same server; signs in when sent to the sign-in page.
 * Returns the page's HTML; *final_url is where it ended. */
static char *
open_page (FedisimBrowser  *browser,
           const char      *url,
           const char      *username,
           const char      *password,
           char           **final_url,
           guint           *final_status,
           GError         **error);

static char *
follow_redirects (FedisimBrowser  *browser,
                  const char      *from,
                  guint            status,
                  const char      *location,
                  GBytes          *body,
                  const char      *username,
                  const char      *password,
                  char           **final_url,
                  guint           *final_status,
                  GError         **error)
{
  if (status >= 300 && status < 400 && location != NULL)
    {
      g_autofree char *next = absolute (from, location);

      if (!same_server (from, next))
        {
          /* Leaving the server (an app's redirect URI): stop here, as the test decides. */
          *final_url = g_steal_pointer (&next);
          *final_status = status;
          return g_strdup ("");
        }
      return open_page (browser, next, username, password, final_url, final_status, error);
    }
  *final_url = g_strdup (from);
  *final_status = status;
  return g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static char *
sign_in (FedisimBrowser  *browser,
         const char      *page_url,
         const char      *html,
         const char      *username,
         const char      *password,
         char           **final_url,
         guint           *final_status,
         GError         **error)
{
  g_autoptr(GPtrArray) forms = parse_forms (html);
  g_autoptr(GBytes) form_body = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *action = NULL;
  g_autofree char *location = NULL;
  Form *form;
  guint status;

  if (forms->len == 0 || username == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   "the server asks to sign in and no user was given");
      return NULL;
    }
  form = g_ptr_array_index (forms, 0);
  g_hash_table_replace (form->fields, g_strdup ("user[email]"), g_strdup (username));
  g_hash_table_replace (form->fields, g_strdup ("user[password]"), g_strdup (password));
  action = absolute (page_url, form->action);
  form_body = encode_form (form->fields);
  body = request_location (browser, "POST", action, "application/x-www-form-urlencoded",
                           form_body, &status, &location, error);
  if (body == NULL)
    return NULL;
  if (status == 422)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "signing in as %s failed",
                   username);
      return NULL;
    }
  /* Signed in: back to the page that asked, with no user so as not to loop. */
  return follow_redirects (browser, action, status, location, body, NULL, NULL,
                           final_url, final_status, error);
}

static char *
open_page (FedisimBrowser  *browser,
           const char      *url,
           const char      *username,
           const char      *password,
           char           **final_url,
           guint           *final_status,
           GError         **error)
{
  g_autoptr(GBytes) body = NULL;
  g_autofree char *location = NULL;
  guint status;

  body = request_location (browser, "GET", url, NULL, NULL, &status, &location, error);
  if (body == NULL)
    return NULL;
  if (status == 200 && strstr (url, "/auth/sign_in") != NULL)
    {
      g_autofree char *html = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

      return sign_in (browser, url, html, username, password, final_url, final_status, error);
    }
  return follow_redirects (browser, url, status, location, body, username, password,
                           final_url, final_status, error);
}

/* Sends @form from @page_url; returns where the server sends the browser afterwards. */
static char *
submit (FedisimBrowser  *browser,
        const char      *page_url,
        Form            *form,
        char           **final_url,
        guint           *final_status,
        GError         **error)
{
  g_autofree char *action = absolute (page_url, form->action);
  g_autoptr(GBytes) form_body = encode_form (form->fields);
  g_autoptr(GBytes) body = NULL;
  g_autofree char *location = NULL;
  guint status;

  body = request_location (browser, "POST", action, "application/x-www-form-urlencoded",
                           form_body, &status, &location, error);
  if (body == NULL)
    return NULL;
  return follow_redirects (browser, action, status, location, body, NULL, NULL,
                           final_url, final_status, error);
}

/**
 * fedisim_browser_authorize:
 *
 * Opens an authorization URL as Ferry would open it in the person's browser, signs in as
 * @username if the server asks, and presses "Authorize".
 *
 * Returns: the redirect URI with code and state the server sent the browser to (not
 *   visited: see fedisim_browser_visit()), or for the out-of-band flow the code shown
 */
char *
fedisim_browser_authorize (FedisimBrowser  *browser,
                           const char      *authorize_url,
                           const char      *username,
                           const char      *password,
                           GError         **error)
{
  g_autofree char *page_url = NULL;
  g_autofree char *html = NULL;
  g_autofree char *result_url = NULL;
  g_autofree char *result = NULL;
  g_autoptr(GPtrArray) forms = NULL;
  guint status;

  html = open_page (browser, authorize_url, username, password, &page_url, &status, error);
  if (html == NULL)
    return NULL;
  if (status != 200)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the authorization page answered %u: %s",
                   status, html);
      return NULL;
    }

  forms = parse_forms (html);
  for (guint i = 0; i < forms->len; i++)
    {
      Form *form = g_ptr_array_index (forms, i);

      if (strstr (form->html, ">Authorize<") == NULL)
        continue;
      result = submit (browser, page_url, form, &result_url, &status, error);
      if (result == NULL)
        return NULL;
      if (status >= 300 && status < 400)
        return g_steal_pointer (&result_url);
      /* Out of band: the page shows the code. */
      {
        g_autoptr(GPtrArray) page_forms = NULL;
        char *code = NULL;
        const char *input = strstr (result, "class=\"oauth-code\"");

        const char *section = strstr (result, "class=\"oob-token\"");

        if (input != NULL)
          code = attribute (input, "value");
        if (code != NULL)
          return code;
        /* GoToSocial's page: <code>CODE</code> in the oob-token section. */
        if (section != NULL && strstr (section, "<code>") != NULL)
          {
            const char *start = strstr (section, "<code>") + strlen ("<code>");
            const char *end = strstr (start, "</code>");

            if (end != NULL)
              return g_strndup (start, end - start);
          }
      }
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no code after authorizing: %s", result);
      return NULL;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no Authorize button on %s: %s", page_url, html);
  return NULL;
}

/**
 * fedisim_browser_visit:
 *
 * Visits a URL (Ferry's loopback redirect, say) as the browser would after a redirect.
 *
 * Returns: the page, or %NULL with @error
 */
char *
fedisim_browser_visit (FedisimBrowser  *browser,
                       const char      *url,
                       guint           *status,
                       GError         **error)
{
  g_autoptr(GBytes) body = fedisim_browser_request (browser, "GET", url, NULL, NULL, NULL,
                                                    status, NULL, error);

  return body ? g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body)) : NULL;
}

/**
 * fedisim_browser_submit_settings:
 * @fields: name, value, name, value, …, %NULL: what the person types; the form chosen is
 *   the first that has the first field
 *
 * Opens a settings page (signing in if asked), fills in the form and sends it.
 *
 * Returns: the HTML of the page the server shows afterwards (errors are on it)
 */
char *
fedisim_browser_submit_settings (FedisimBrowser  *browser,
                                 const char      *page_url,
                                 const char      *username,
                                 const char      *password,
                                 const char     **fields,
                                 GError         **error)
{
  g_autofree char *final_url = NULL;
  g_autofree char *html = NULL;
  g_autofree char *result_url = NULL;
  g_autoptr(GPtrArray) forms = NULL;
  guint status;

  html = open_page (browser, page_url, username, password, &final_url, &status, error);
  if (html == NULL)
    return NULL;
  forms = parse_forms (html);
  for (guint i = 0; i < forms->len; i++)
    {
      Form *form = g_ptr_array_index (forms, i);

      if (fields[0] != NULL && !g_hash_table_contains (form->fields, fields[0]))
        continue;
      for (guint f = 0; fields[f] != NULL && fields[f + 1] != NULL; f += 2)
        g_hash_table_replace (form->fields, g_strdup (fields[f]), g_strdup (fields[f + 1]));
      return submit (browser, final_url, form, &result_url, &status, error);
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no form with %s on %s (%u): %s",
               fields[0], final_url, status, html);
  return NULL;
}

/**
 * fedisim_browser_upload_import:
 *
 * Uploads a CSV on /settings/imports, as a person choosing the file and the mode, and
 * confirms it on the next page.
 *
 * Returns: the imports page afterwards
 */
char *
fedisim_browser_upload_import (FedisimBrowser  *browser,
                               const char      *base_url,
                               const char      *username,
                               const char      *password,
                               const char      *type,
                               const char      *mode,
                               GBytes          *csv,
                               GError         **error)
{
  g_autofree char *page = g_strconcat (base_url, "/settings/imports", NULL);
  g_autofree char *final_url = NULL;
  g_autofree char *html = NULL;
  g_autofree char *confirm_url = NULL;
  g_autofree char *confirm_html = NULL;
  g_autofree char *location = NULL;
  g_autoptr(GPtrArray) forms = NULL;
  g_autoptr(GPtrArray) confirm_forms = NULL;
  g_autoptr(SoupMultipart) multipart = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) answer = NULL;
  SoupMessageHeaders *headers;
  GHashTableIter iter;
  gpointer key, value;
  guint status;

  html = open_page (browser, page, username, password, &final_url, &status, error);
  if (html == NULL)
    return NULL;
  forms = parse_forms (html);
  if (forms->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no import form: %s", html);
      return NULL;
    }

  multipart = soup_multipart_new ("multipart/form-data");
  g_hash_table_iter_init (&iter, ((Form *) g_ptr_array_index (forms, 0))->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_str_equal (key, "form_import[mode]"))
      soup_multipart_append_form_string (multipart, key, value);
  soup_multipart_append_form_string (multipart, "form_import[type]", type);
  soup_multipart_append_form_string (multipart, "form_import[mode]", mode);
  soup_multipart_append_form_file (multipart, "form_import[data]", "import.csv", "text/csv", csv);
  headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_MULTIPART);
  soup_multipart_to_message (multipart, headers, &body);

  answer = request_location (browser, "POST", page,
                             soup_message_headers_get_one (headers, "Content-Type"), body,
                             &status, &location, error);
  soup_message_headers_unref (headers);
  if (answer == NULL)
    return NULL;
  if (status != 302 || location == NULL)
    return g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));

  g_clear_pointer (&final_url, g_free);
  confirm_url = absolute (page, location);
  confirm_html = open_page (browser, confirm_url, NULL, NULL, &final_url, &status, error);
  if (confirm_html == NULL)
    return NULL;
  confirm_forms = parse_forms (confirm_html);
  if (confirm_forms->len == 0)
    return g_steal_pointer (&confirm_html);
  g_clear_pointer (&final_url, g_free);
  return submit (browser, confirm_url, g_ptr_array_index (confirm_forms, 0), &final_url, &status,
                 error);
}

/**
 * fedisim_browser_download:
 *
 * Downloads a file from a signed-in page (an export), signing in if asked.
 */
GBytes *
fedisim_browser_download (FedisimBrowser  *browser,
                          const char      *url,
                          const char      *username,
                          const char      *password,
                          GError         **error)
{
  g_autofree char *final_url = NULL;
  g_autofree char *text = NULL;
  guint status;

  text = open_page (browser, url, username, password, &final_url, &status, error);
  if (text == NULL)
    return NULL;
  if (status != 200)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s answered %u", url, status);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&text), strlen (text));
}
