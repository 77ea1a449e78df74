/* ferry-client-posting.c: typed calls for posting, each one request and its answer
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-client-posting"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-client-posting.h"
#include "ferry-client-private.h"

void
ferry_post_free (FerryPost *post)
{
  if (post == NULL)
    return;
  g_free (post->id);
  g_free (post->url);
  g_free (post->visibility);
  g_free (post->text);
  g_free (post->created_at);
  g_free (post->scheduled_at);
  g_free (post);
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The text of a post's HTML: tags dropped, the few entities Mastodon writes decoded, a
 * paragraph or line break as a newline. Enough to compare with what was sent. */
static char *
plain_text (const char *html)
{
  GString *text = g_string_new (NULL);
  static const struct { const char *entity; char c; } entities[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&#39;", '\'' },
    { "&apos;", '\'' },
  };

  for (const char *p = html; p != NULL && *p != '\0';)
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');

          if (g_str_has_prefix (p, "<br") || (g_str_has_prefix (p, "<p") && text->len > 0))
            g_string_append_c (text, '\n');
          if (end == NULL)
            break;
          p = end + 1;
          continue;
        }
      if (*p == '&')
        {
          gboolean found = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities) && !found; i++)
            if (g_str_has_prefix (p, entities[i].entity))
              {
                g_string_append_c (text, entities[i].c);
                p += strlen (entities[i].entity);
                found = TRUE;
              }
          if (found)
            continue;
        }
      g_string_append_c (text, *p++);
    }
  return g_string_free (text, FALSE);
}

/* A Status, or a ScheduledStatus (has `scheduled_at` and `params`). */
static FerryPost *
post_from_json (FerryClient *client,
                JsonNode    *node,
                GError     **error)
{
  JsonObject *object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *id = string_member (object, "id");
  const char *problem = string_member (object, "error");
  FerryPost *post;
  JsonNode *pinned;

  if (problem != NULL)
    {
      /* Akkoma says some refusals with HTTP 200 and {"error": "…"}. */
      g_set_error (error, FERRY_API_ERROR, FERRY_API_ERROR_INVALID, _("%s answered “%s”."),
                   ferry_client_get_host (client), problem);
      return NULL;
    }
  if (id == NULL)
    {
      g_set_error (error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                   _("%s answered with something that is not a post."),
                   ferry_client_get_host (client));
      return NULL;
    }
  post = g_new0 (FerryPost, 1);
  post->id = g_strdup (id);
  post->scheduled_at = g_strdup (string_member (object, "scheduled_at"));
  post->scheduled = post->scheduled_at != NULL && json_object_has_member (object, "params");
  if (post->scheduled)
    {
      JsonNode *params = json_object_get_member (object, "params");
      JsonObject *p = params && JSON_NODE_HOLDS_OBJECT (params) ? json_node_get_object (params)
                                                                : NULL;

      post->text = g_strdup (string_member (p, "text"));
      post->visibility = g_strdup (string_member (p, "visibility"));
    }
  else
    {
      post->url = g_strdup (string_member (object, "url"));
      post->visibility = g_strdup (string_member (object, "visibility"));
      post->text = plain_text (string_member (object, "content"));
      post->created_at = g_strdup (string_member (object, "created_at"));
      pinned = json_object_get_member (object, "pinned");
      post->pinned = pinned != NULL && JSON_NODE_HOLDS_VALUE (pinned) &&
                     json_node_get_value_type (pinned) == G_TYPE_BOOLEAN &&
                     json_node_get_boolean (pinned);
    }
  if (post->text == NULL)
    post->text = g_strdup ("");
  return post;
}

static void
post_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (client, result, NULL, &error);
  FerryPost *post;

  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  post = post_from_json (client, node, &error);
  if (post == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, post, (GDestroyNotify) ferry_post_free);
}

static void
call_for_post (FerryClient         *self,
               gpointer             tag,
               const char          *method,
               const char          *path,
               FerryParams         *params,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  ferry_client_call_full_async (self, method, path, params, G_PRIORITY_HIGH, cancellable, post_cb,
                                task);
}

static char *
status_path (const char *id,
             const char *action)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);

  return g_strconcat ("/api/v1/statuses/", escaped, action ? "/" : NULL, action, NULL);
}

/**
 * ferry_client_post_status_async:
 *
 * `POST /api/v1/statuses` (community-facts §3.1). With @request->scheduled_at the answer is a
 * scheduled status; the caller keeps the limits (§3.2): Mastodon posts a past time at once.
 * Finished with ferry_client_post_finish().
 */
void
ferry_client_post_status_async (FerryClient            *self,
                                const FerryPostRequest *request,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data)
{
  g_autoptr(FerryParams) params = ferry_params_new ();

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (request != NULL && request->text != NULL);

  ferry_params_add (params, "status", request->text);
  ferry_params_add (params, "visibility", request->visibility ? request->visibility : "public");
  if (request->language != NULL)
    ferry_params_add (params, "language", request->language);
  if (request->scheduled_at > 0)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (request->scheduled_at);
      g_autofree char *iso = g_date_time_format (at, "%Y-%m-%dT%H:%M:%SZ");

      ferry_params_add (params, "scheduled_at", iso);
    }
  ferry_params_set_idempotency_key (params, request->idempotency_key);
  call_for_post (self, ferry_client_post_status_async, "POST", "/api/v1/statuses", params,
                 cancellable, callback, user_data);
}

/* `GET /api/v1/statuses/:id`: whether a post is really there. */
void
ferry_client_read_status_async (FerryClient         *self,
                                const char          *id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  path = status_path (id, NULL);
  call_for_post (self, ferry_client_read_status_async, "GET", path, NULL, cancellable, callback,
                 user_data);
}

/* `POST /api/v1/statuses/:id/pin` or `/unpin` (§3.3): a 422 when the limit is reached. */
void
ferry_client_pin_status_async (FerryClient         *self,
                               const char          *id,
                               gboolean             pin,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  path = status_path (id, pin ? "pin" : "unpin");
  call_for_post (self, ferry_client_pin_status_async, "POST", path, NULL, cancellable, callback,
                 user_data);
}

/* Returns: (transfer full): the post, or %NULL with @error */
FerryPost *
ferry_client_post_finish (FerryClient   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
posts_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (client, result, NULL, &error);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func ((GDestroyNotify) ferry_post_free);
  JsonArray *array;

  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_task_return_new_error (task, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                               _("%s answered with something that is not a list of posts."),
                               ferry_client_get_host (client));
      return;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      FerryPost *post = post_from_json (client, json_array_get_element (array, i), NULL);

      if (post != NULL)
        g_ptr_array_add (posts, post);
    }
  g_task_return_pointer (task, g_steal_pointer (&posts), (GDestroyNotify) g_ptr_array_unref);
}

static void
scheduled_pages_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryClient *client = FERRY_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) array = ferry_client_list_finish (client, result, &error);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func ((GDestroyNotify) ferry_post_free);

  if (array == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      FerryPost *post = post_from_json (client, json_array_get_element (array, i), NULL);

      if (post != NULL)
        g_ptr_array_add (posts, post);
    }
  g_task_return_pointer (task, g_steal_pointer (&posts), (GDestroyNotify) g_ptr_array_unref);
}

/* `GET /api/v1/scheduled_statuses`, every page (at most 300 are kept: §3.2), so that the day's
 * and the total counts are whole. */
void
ferry_client_list_scheduled_async (FerryClient         *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, ferry_client_list_scheduled_async);
  ferry_client_list_async (self, "/api/v1/scheduled_statuses?limit=40", 400, cancellable,
                           scheduled_pages_cb, task);
}

/* `GET /api/v1/accounts/:id/statuses`: the newest 40, or the pinned ones. */
void
ferry_client_recent_posts_async (FerryClient         *self,
                                 const char          *account_id,
                                 gboolean             pinned_only,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *escaped = g_uri_escape_string (account_id, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/api/v1/accounts/", escaped, "/statuses?limit=40",
                                       pinned_only ? "&pinned=true" : "", NULL);

  g_task_set_source_tag (task, ferry_client_recent_posts_async);
  ferry_client_call_full_async (self, "GET", path, NULL, G_PRIORITY_HIGH, cancellable, posts_cb,
                                task);
}

/* Returns: (transfer full) (element-type FerryPost): the posts, newest first */
GPtrArray *
ferry_client_posts_finish (FerryClient   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ferry_redirect_check_free (FerryRedirectCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->location);
  g_free (check->profile);
  g_free (check);
}

/**
 * ferry_client_check_profile_redirect_async:
 * @username: an account of the client's own server, whose profile page (/@username) is asked
 *
 * `HEAD` of a profile page, without the token and without following: whether the old domain
 * redirects it (community-facts §6.4). No `Accept: application/activity+json`: an
 * ActivityPub-aware proxy may answer that differently. An error status is an error.
 */
void
ferry_client_check_profile_redirect_async (FerryClient         *self,
                                           const char          *username,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autofree char *path = NULL;
  Request *req;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (username != NULL && username[0] != '\0' && strchr (username, '/') == NULL);

  path = g_strconcat ("/@", username, NULL);
  req = g_new0 (Request, 1);
  req->method = g_strdup ("HEAD");
  req->url = _ferry_client_absolute_url (self, path);
  req->raw = TRUE;
  req->accept = "text/html";
  req->report_redirect = TRUE;
  _ferry_client_enqueue (self, req, ferry_client_check_profile_redirect_async, cancellable,
                         callback, user_data);
}

/* Returns: (transfer full): the status, where it points and whose profile that is, or %NULL
 * with @error */
FerryRedirectCheck *
ferry_client_check_profile_redirect_finish (FerryClient   *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
