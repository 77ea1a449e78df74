/* fedisim-entities.c: the JSON each flavour answers with
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include "fedisim-private.h"

char *
fs_iso8601 (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S.000Z");
}

/* Plain text to the HTML Mastodon stores: paragraphs and line breaks, escaped. */
char *
fs_note_html (const char *text)
{
  g_autofree char *escaped = fs_html_escape (text);
  g_auto(GStrv) paragraphs = NULL;
  GString *html = g_string_new (NULL);

  if (text == NULL || text[0] == '\0')
    return g_string_free (html, FALSE);

  paragraphs = g_strsplit (escaped, "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (paragraphs[i], "\n", -1);
      g_autofree char *joined = g_strjoinv ("<br />", lines);

      g_string_append_printf (html, "<p>%s</p>", joined);
    }
  return g_string_free (html, FALSE);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_bool (JsonBuilder *builder,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_id (JsonBuilder *builder,
        const char  *name,
        guint64      id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, id);

  add_string (builder, name, text);
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          gint64       unix_seconds)
{
  g_autofree char *text = unix_seconds ? fs_iso8601 (unix_seconds) : NULL;

  add_string (builder, name, text);
}

static char *
image_url (FedisimServer *server,
           FsActor       *actor,
           const char    *kind,
           GBytes        *image)
{
  if (image == NULL)
    return g_strdup_printf ("%s/%s/original/missing.png", server->base_url, kind);
  return g_strdup_printf ("%s/system/accounts/%s/%" G_GUINT64_FORMAT "/original",
                          actor->home->base_url, kind, actor->id);
}

static void
add_fields (JsonBuilder *builder,
            FsActor     *actor,
            gboolean     html)
{
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_array (builder);
  for (guint i = 0; i < actor->fields->len; i++)
    {
      FsField *field = g_ptr_array_index (actor->fields, i);
      g_autofree char *value = html ? fs_html_escape (field->value) : g_strdup (field->value);

      json_builder_begin_object (builder);
      add_string (builder, "name", field->name);
      add_string (builder, "value", value);
      add_string (builder, "verified_at", NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The signed-in user's role in verify_credentials.
 * mastodon app/serializers/rest/credential_account_serializer.rb (has_one :role) and
 * rest/role_serializer.rb: permissions is a decimal string of the bits; gotosocial
 * internal/typeutils/internaltofrontend.go: name user|moderator|admin, an admin has
 * Administrator|ManageReports|ManageFederation|ManageSettings|ManageBlocks|ManageUsers|
 * ManageRules|ManageCustomEmojis|DeleteUserData, a moderator none (community-facts §1.4). */
static void
add_role (JsonBuilder   *builder,
          FedisimServer *server,
          FsActor       *actor)
{
  guint64 bits = actor->role_permissions;
  const char *name = bits == 0 ? "" : (bits & 1) ? "Admin" : "Moderator";
  g_autofree char *permissions = NULL;

  if (server->flavour == FEDISIM_FLAVOUR_AKKOMA || fs_server_snac_gaps (server))
    return;
  if (server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL)
    {
      name = bits == 0 ? "user" : (bits & 1) ? "admin" : "moderator";
      bits = (bits & 1) ? (1 | 16 | 32 | 64 | 128 | 1024 | 4096 | 16384 | (1 << 19)) : 0;
    }
  permissions = g_strdup_printf ("%" G_GUINT64_FORMAT, bits);
  json_builder_set_member_name (builder, "role");
  json_builder_begin_object (builder);
  add_string (builder, "id", bits == 0 ? "-99" : (bits & 1) ? "3" : "2");
  add_string (builder, "name", name);
  add_string (builder, "permissions", permissions);
  add_string (builder, "color", "");
  add_bool (builder, "highlighted", bits != 0);
  json_builder_end_object (builder);
}

static void
build_account (JsonBuilder   *builder,
               FedisimServer *server,
               FsActor       *actor,
               gboolean       credentials,
               gboolean       nested)
{
  g_autofree char *acct = fs_actor_acct (server, actor);
  g_autofree char *note = fs_note_html (actor->note);
  g_autofree char *url = g_strdup_printf ("%s/@%s", actor->home->base_url, actor->username);
  g_autofree char *avatar = image_url (server, actor, "avatars", actor->avatar);
  g_autofree char *header = image_url (server, actor, "headers", actor->header);
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (actor->created_at);
  g_autofree char *created_day = g_date_time_format (created, "%Y-%m-%dT00:00:00.000Z");
  gboolean hidden = actor->hide_collections && !credentials;
  gboolean snac = fs_server_snac_gaps (server);

  /* snac2 mastoapi.c mastoapi_account() and credentials_get(): no header is "" (xs_str_new
   * (NULL)), not a stand-in picture. */
  if (snac && actor->header == NULL)
    {
      g_free (header);
      header = g_strdup ("");
    }
  /* snac2 mastoapi.c credentials_get(): followers_count, following_count and statuses_count
   * are xs_stock (0) (unless the user publishes contact metrics). */
  if (snac && credentials)
    hidden = TRUE;

  json_builder_begin_object (builder);
  add_id (builder, "id", fs_server_id_for (server, actor));
  add_string (builder, "username", actor->username);
  add_string (builder, "acct", acct);
  /* mastodon app/serializers/rest/account_serializer.rb: a suspended account's name, bio and
   * fields are blanked (community-facts §2.1). */
  add_string (builder, "display_name", actor->suspended ? "" : actor->display_name);
  add_bool (builder, "locked", actor->locked);
  add_bool (builder, "bot", actor->bot);
  add_bool (builder, "discoverable", actor->discoverable);
  add_bool (builder, "indexable", actor->indexable);
  add_bool (builder, "group", FALSE);
  add_string (builder, "created_at", created_day);
  add_string (builder, "note", actor->suspended ? "" : note);
  add_string (builder, "url", url);
  add_string (builder, "uri", actor->uri);
  add_string (builder, "avatar", avatar);
  add_string (builder, "avatar_static", avatar);
  add_string (builder, "header", header);
  add_string (builder, "header_static", header);
  /* The community fixture's members carry counts beyond the follows fedisim keeps
   * (fedisim-community.c). */
  add_int (builder, "followers_count",
           hidden ? 0 : fs_community_count (actor, FS_COUNT_FOLLOWERS,
                                            fs_world_count_follows (server->world, actor, TRUE)));
  add_int (builder, "following_count",
           hidden ? 0 : fs_community_count (actor, FS_COUNT_FOLLOWING,
                                            fs_world_count_follows (server->world, actor, FALSE)));
  add_int (builder, "statuses_count", snac && credentials ? 0
           : fs_community_count (actor, FS_COUNT_STATUSES, actor->statuses->len));
  /* mastodon app/serializers/rest/account_serializer.rb: last_status_at&.to_date&.iso8601,
   * a date without a time (community-facts §2.4). */
  if (fs_actor_last_status_at (actor) > 0)
    {
      g_autoptr(GDateTime) last = g_date_time_new_from_unix_utc (fs_actor_last_status_at (actor));
      g_autofree char *day = g_date_time_format (last, "%Y-%m-%d");

      add_string (builder, "last_status_at", day);
    }
  else
    add_string (builder, "last_status_at", NULL);
  add_bool (builder, "hide_collections", actor->hide_collections);
  add_bool (builder, "noindex", !actor->indexable);
  json_builder_set_member_name (builder, "emojis");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  add_fields (builder, actor, TRUE);
  if (actor->suspended)
    add_bool (builder, "suspended", TRUE);
  /* snac2 mastoapi.c mastoapi_account() builds no "moved": movedTo is only in the actor.
   * mastodon app/serializers/rest/account_serializer.rb: moved is nil for a suspended account;
   * gotosocial internal/api/model/account.go leaves it out then too (community-facts §2.1). */
  if (actor->moved_to != NULL && !nested && !snac && !actor->suspended)
    {
      json_builder_set_member_name (builder, "moved");
      build_account (builder, server, actor->moved_to, FALSE, TRUE);
    }

  if (credentials)
    {
      guint requests = 0;

      for (guint i = 0; i < actor->followers->len; i++)
        if (((FsFollow *) g_ptr_array_index (actor->followers, i))->pending)
          requests++;

      json_builder_set_member_name (builder, "source");
      json_builder_begin_object (builder);
      add_string (builder, "privacy", actor->privacy);
      add_bool (builder, "sensitive", actor->sensitive);
      add_string (builder, "language", actor->language);
      add_string (builder, "note", actor->note);
      add_fields (builder, actor, FALSE);
      add_int (builder, "follow_requests_count", requests);
      add_bool (builder, "hide_collections", actor->hide_collections);
      add_bool (builder, "discoverable", actor->discoverable);
      add_bool (builder, "indexable", actor->indexable);
      if (server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL)
        {
          json_builder_set_member_name (builder, "also_known_as_uris");
          json_builder_begin_array (builder);
          for (guint i = 0; i < actor->also_known_as->len; i++)
            json_builder_add_string_value (builder, g_ptr_array_index (actor->also_known_as, i));
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
      add_role (builder, server, actor);
    }
  /* akkoma: the account's pleroma.is_admin / is_moderator (docs/docs/development/API/
   * admin_api.md sample; community-facts §1.4). */
  if (server->flavour == FEDISIM_FLAVOUR_AKKOMA && actor->home == server)
    {
      json_builder_set_member_name (builder, "pleroma");
      json_builder_begin_object (builder);
      add_bool (builder, "is_admin", (actor->role_permissions & 1) != 0);
      add_bool (builder, "is_moderator", actor->role_permissions != 0 &&
                                         !(actor->role_permissions & 1));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

JsonNode *
fs_json_account (FedisimServer *server,
                 FsActor       *actor,
                 gboolean       credentials)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  build_account (builder, server, actor, credentials, FALSE);
  return json_builder_get_root (builder);
}

static FsMute *
find_mute (FsActor *me,
           FsActor *other,
           gint64   now)
{
  for (guint i = 0; i < me->mutes->len; i++)
    {
      FsMute *mute = g_ptr_array_index (me->mutes, i);

      if (mute->target == other && (mute->expires_at == 0 || mute->expires_at > now))
        return mute;
    }
  return NULL;
}

static gboolean
rows_have_target (GPtrArray *rows,
                  FsActor   *target)
{
  for (guint i = 0; i < rows->len; i++)
    if (((FsRow *) g_ptr_array_index (rows, i))->target == target)
      return TRUE;
  return FALSE;
}

static gboolean
rows_have_text (GPtrArray  *rows,
                const char *text)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_ascii_strcasecmp (((FsRow *) g_ptr_array_index (rows, i))->text, text) == 0)
      return TRUE;
  return FALSE;
}

JsonNode *
fs_json_relationship (FedisimServer *server,
                      FsActor       *me,
                      FsActor       *other)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  FsFollow *out = fs_world_find_follow (server->world, me, other);
  FsFollow *in = fs_world_find_follow (server->world, other, me);
  FsMute *mute = find_mute (me, other, fedisim_world_now (server->world));
  const char *note = g_hash_table_lookup (me->notes, other);

  json_builder_begin_object (builder);
  add_id (builder, "id", fs_server_id_for (server, other));
  add_bool (builder, "following", out != NULL && !out->pending);
  add_bool (builder, "showing_reblogs", out != NULL && !out->pending && out->reblogs);
  add_bool (builder, "notifying", out != NULL && !out->pending && out->notify);
  json_builder_set_member_name (builder, "languages");
  if (out != NULL && out->languages != NULL)
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < out->languages->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (out->languages, i));
      json_builder_end_array (builder);
    }
  else
    json_builder_add_null_value (builder);
  add_bool (builder, "followed_by", in != NULL && !in->pending);
  add_bool (builder, "blocking", rows_have_target (me->blocks, other));
  add_bool (builder, "blocked_by", rows_have_target (other->blocks, me));
  add_bool (builder, "muting", mute != NULL);
  add_bool (builder, "muting_notifications", mute != NULL && mute->notifications);
  if (server->api_version >= 10)
    add_time (builder, "muting_expires_at", mute ? mute->expires_at : 0);
  add_bool (builder, "requested", out != NULL && out->pending);
  add_bool (builder, "requested_by", in != NULL && in->pending);
  add_bool (builder, "domain_blocking", rows_have_text (me->domain_blocks, other->home->host));
  add_bool (builder, "endorsed", rows_have_target (me->endorsements, other));
  add_string (builder, "note", note ? note : "");
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
fs_json_status (FedisimServer *server,
                FsStatus      *status,
                FsActor       *viewer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *content = fs_note_html (status->text);
  g_autofree char *url = g_strdup_printf ("%s/@%s/%" G_GUINT64_FORMAT,
                                          status->account->home->base_url,
                                          status->account->username, status->id);
  gboolean bookmarked = FALSE, favourited = FALSE;

  for (guint i = 0; viewer && i < viewer->bookmarks->len; i++)
    bookmarked |= ((FsRow *) g_ptr_array_index (viewer->bookmarks, i))->status == status;
  for (guint i = 0; viewer && i < viewer->favourites->len; i++)
    favourited |= ((FsRow *) g_ptr_array_index (viewer->favourites, i))->status == status;

  json_builder_begin_object (builder);
  add_id (builder, "id", fs_server_status_id_for (server, status));
  add_string (builder, "uri", status->uri);
  add_string (builder, "url", url);
  add_time (builder, "created_at", status->created_at);
  add_time (builder, "edited_at", status->edited_at);
  json_builder_set_member_name (builder, "account");
  build_account (builder, server, status->account, FALSE, FALSE);
  add_string (builder, "content", content);
  add_string (builder, "visibility", status->visibility);
  add_bool (builder, "sensitive", status->sensitive);
  add_string (builder, "spoiler_text", status->spoiler_text);
  add_string (builder, "language", status->language);
  if (status->in_reply_to != NULL)
    add_id (builder, "in_reply_to_id", fs_server_status_id_for (server, status->in_reply_to));
  else
    add_string (builder, "in_reply_to_id", NULL);
  json_builder_set_member_name (builder, "media_attachments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < status->media->len; i++)
    {
      FsMedia *media = g_ptr_array_index (status->media, i);
      g_autofree char *media_url = g_strdup_printf ("%s/system/media_attachments/%" G_GUINT64_FORMAT
                                                    "/original", status->account->home->base_url,
                                                    media->id);

      json_builder_begin_object (builder);
      /* snac mastoapi.c, mastoapi_status(): an attachment's id is the post's address, "_"
       * and its index (xs_fmt ("%s_%d", id, xs_list_len (matt))). */
      if (server->flavour == FEDISIM_FLAVOUR_LEGACY)
        {
          g_autofree char *snac_id = g_strdup_printf ("%s_%u", status->uri, i);

          add_string (builder, "id", snac_id);
        }
      else
        add_id (builder, "id", media->id);
      add_string (builder, "type", media->type);
      add_string (builder, "url", media_url);
      add_string (builder, "preview_url", media_url);
      add_string (builder, "remote_url", NULL);
      add_string (builder, "description", media->description);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "mentions");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  add_int (builder, "replies_count", 0);
  add_int (builder, "reblogs_count", 0);
  add_int (builder, "favourites_count", 0);
  add_bool (builder, "bookmarked", bookmarked);
  add_bool (builder, "favourited", favourited);
  if (viewer == status->account)
    add_bool (builder, "pinned", status->pinned);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
fs_json_list (FsList *list)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_id (builder, "id", list->id);
  add_string (builder, "title", list->title);
  add_string (builder, "replies_policy", list->replies_policy);
  add_bool (builder, "exclusive", list->exclusive);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
fs_json_filter (FedisimServer *server,
                FsFilter      *filter)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_id (builder, "id", filter->id);
  add_string (builder, "title", filter->title);
  json_builder_set_member_name (builder, "context");
  json_builder_begin_array (builder);
  for (guint i = 0; i < filter->context->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (filter->context, i));
  json_builder_end_array (builder);
  add_time (builder, "expires_at", filter->expires_at);
  add_string (builder, "filter_action", filter->action);
  json_builder_set_member_name (builder, "keywords");
  json_builder_begin_array (builder);
  for (guint i = 0; i < filter->keywords->len; i++)
    {
      FsField *keyword = g_ptr_array_index (filter->keywords, i);

      json_builder_begin_object (builder);
      add_id (builder, "id", filter->id * 100 + i);
      add_string (builder, "keyword", keyword->name);
      add_bool (builder, "whole_word", g_str_equal (keyword->value, "1"));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "statuses");
  json_builder_begin_array (builder);
  for (guint i = 0; i < filter->statuses->len; i++)
    {
      FsStatus *status = g_ptr_array_index (filter->statuses, i);

      json_builder_begin_object (builder);
      add_id (builder, "id", filter->id * 100 + 50 + i);
      add_id (builder, "status_id", fs_server_status_id_for (server, status));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The ActivityPub actor (application/activity+json). */
JsonNode *
fs_json_actor_document (FedisimServer *server,
                        FsActor       *actor)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *url = g_strdup_printf ("%s/@%s", server->base_url, actor->username);
  g_autofree char *inbox = g_strdup_printf ("%s/inbox", actor->uri);
  g_autofree char *outbox = g_strdup_printf ("%s/outbox", actor->uri);
  g_autofree char *followers = g_strdup_printf ("%s/followers", actor->uri);
  g_autofree char *following = g_strdup_printf ("%s/following", actor->uri);
  g_autofree char *summary = fs_note_html (actor->note);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "https://www.w3.org/ns/activitystreams");
  json_builder_add_string_value (builder, "https://w3id.org/security/v1");
  json_builder_end_array (builder);
  add_string (builder, "id", actor->uri);
  add_string (builder, "type", "Person");
  add_string (builder, "preferredUsername", actor->username);
  add_string (builder, "name", actor->display_name);
  add_string (builder, "summary", summary);
  add_string (builder, "url", url);
  add_string (builder, "inbox", inbox);
  add_string (builder, "outbox", outbox);
  add_string (builder, "followers", followers);
  add_string (builder, "following", following);
  add_bool (builder, "manuallyApprovesFollowers", actor->locked);
  add_bool (builder, "discoverable", actor->discoverable);
  json_builder_set_member_name (builder, "alsoKnownAs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < actor->also_known_as->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (actor->also_known_as, i));
  json_builder_end_array (builder);
  if (actor->moved_to != NULL)
    add_string (builder, "movedTo", actor->moved_to->uri);
  /* mastodon app/serializers/activitypub/actor_serializer.rb: suspended when suspended
   * (community-facts §2.3). */
  if (actor->suspended)
    add_bool (builder, "suspended", TRUE);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
