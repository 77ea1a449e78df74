/* fedisim-posting.c: posting statuses, scheduled statuses, pins and the silent drop
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each behaviour names the server source it follows (read through community-facts.md §3 and §8,
 * which quote the files), or says "assumed:" where the source could not be read.
 */

#include "config.h"

#include <string.h>

#include "fedisim-private.h"

/* mastodon: app/models/scheduled_status.rb (MINIMUM_OFFSET 5.minutes, TOTAL_LIMIT 300,
 * DAILY_LIMIT 25); gotosocial: internal/config/defaults.go (scheduled-statuses-max-total 300,
 * scheduled-statuses-max-daily 25); akkoma: config/config.exs (Pleroma.ScheduledActivity
 * daily_user_limit 25, total_user_limit 300, @min_offset 5 minutes in scheduled_activity.ex). */
#define FS_SCHEDULE_MIN_OFFSET  (5 * 60)
#define FS_SCHEDULE_DAILY       25
#define FS_SCHEDULE_TOTAL       300
/* mastodon: app/services/post_status_service.rb, redis.setex (idempotency_key, 3_600, …);
 * the docs: "up to 1 hour". */
#define FS_IDEMPOTENCY_TTL      3600
/* mastodon: app/validators/status_length_validator.rb MAX_CHARS = 500, URL_PLACEHOLDER_CHARS 23 */
#define FS_MAX_CHARS            500
#define FS_URL_CHARS            23

typedef struct
{
  guint64  id;
  FsActor *account;            /* unowned */
  gint64   scheduled_at;
  char    *text;
  char    *visibility;
  char    *language;
  char    *spoiler_text;
} FsScheduled;

typedef struct
{
  gint64   expires_at;
  guint64  status_id;          /* the status's id on this server, or */
  guint64  scheduled_id;       /* the scheduled status's */
} FsIdempotent;

struct _FsPosting
{
  GPtrArray  *scheduled;       /* FsScheduled*, owned, in creation order */
  GHashTable *idempotency;     /* "account id:key" → FsIdempotent* */
  GPtrArray  *spam_phrases;    /* char* */
  guint64     next_fake_id;    /* ids of silently dropped posts, never stored */
  guint       dropped;
};

static void
scheduled_free (FsScheduled *scheduled)
{
  g_free (scheduled->text);
  g_free (scheduled->visibility);
  g_free (scheduled->language);
  g_free (scheduled->spoiler_text);
  g_free (scheduled);
}

static FsPosting *
posting_of (FedisimServer *server)
{
  if (server->posting == NULL)
    {
      server->posting = g_new0 (FsPosting, 1);
      server->posting->scheduled = g_ptr_array_new_with_free_func ((GDestroyNotify) scheduled_free);
      server->posting->idempotency = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            g_free);
      server->posting->spam_phrases = g_ptr_array_new_with_free_func (g_free);
      server->posting->next_fake_id = 900000000;
    }
  return server->posting;
}

void
fs_posting_free (FsPosting *posting)
{
  if (posting == NULL)
    return;
  g_ptr_array_unref (posting->scheduled);
  g_hash_table_unref (posting->idempotency);
  g_ptr_array_unref (posting->spam_phrases);
  g_free (posting);
}

/* The pin limit per flavour. mastodon: app/validators/status_pin_validator.rb PIN_LIMIT = 5;
 * gotosocial: internal/processing/status/pin.go allowedPinnedCount = 10; akkoma: config/config.exs
 * :instance max_pinned_statuses: 1. */
guint
fs_posting_pin_limit (FedisimServer *server)
{
  if (server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL)
    return 10;
  if (server->flavour == FEDISIM_FLAVOUR_AKKOMA)
    return 1;
  return 5;
}

void
fedisim_server_add_spam_phrase (FedisimServer *server,
                                const char    *phrase)
{
  g_ptr_array_add (posting_of (server)->spam_phrases, g_strdup (phrase));
}

guint
fedisim_server_dropped_count (FedisimServer *server)
{
  return posting_of (server)->dropped;
}

guint
fedisim_server_scheduled_count (FedisimServer *server,
                                const char    *username)
{
  FsPosting *posting = posting_of (server);
  guint n = 0;

  /* What is due is posted first, as any request would see it. */
  fs_world_catch_up (server->world);
  for (guint i = 0; i < posting->scheduled->len; i++)
    {
      FsScheduled *scheduled = g_ptr_array_index (posting->scheduled, i);

      if (username == NULL || g_str_equal (scheduled->account->username, username))
        n++;
    }
  return n;
}

/* The length as Mastodon counts it: a URL is 23, a mention only its @username
 * (mastodon: app/validators/status_length_validator.rb). */
static guint
counted_length (const char *text)
{
  guint n = 0;
  const char *p = text;

  while (*p != '\0')
    {
      if ((g_str_has_prefix (p, "https://") || g_str_has_prefix (p, "http://")) &&
          (p == text || g_ascii_isspace (p[-1])))
        {
          while (*p != '\0' && !g_ascii_isspace (*p))
            p++;
          n += FS_URL_CHARS;
          continue;
        }
      if (*p == '@' && (p == text || g_ascii_isspace (p[-1])))
        {
          const char *second;

          n++;
          p++;
          while (*p != '\0' && (g_ascii_isalnum (*p) || *p == '_'))
            {
              n++;
              p++;
            }
          second = p;
          if (*second == '@')
            while (*p != '\0' && !g_ascii_isspace (*p))
              p++;
          continue;
        }
      p = g_utf8_next_char (p);
      n++;
    }
  return n;
}

/* The accounts a text mentions, by @user (local) or @user@host. */
static GPtrArray *
mentioned (FedisimServer *server,
           const char    *text)
{
  GPtrArray *actors = g_ptr_array_new ();
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      FsActor *actor = NULL;
      g_autofree char *word = NULL;
      gsize len;

      if (words[i][0] != '@' || words[i][1] == '\0')
        continue;
      word = g_strdup (words[i] + 1);
      len = strlen (word);
      while (len > 0 && strchr (".,;:!?)", word[len - 1]) != NULL)
        word[--len] = '\0';
      if (strchr (word, '@') != NULL)
        actor = fs_world_resolve_handle (server->world, word);
      else
        actor = fs_server_find_local (server, word);
      if (actor != NULL && !g_ptr_array_find (actors, actor, NULL))
        g_ptr_array_add (actors, actor);
    }
  return actors;
}

/* mastodon: app/lib/antispam.rb: a local post with a text from the admin's spammy sets that
 * mentions someone who does not follow the author is dropped (SilentlyDrop: a fake status comes
 * back, nothing is stored), also for scheduled posts (post_status_service.rb schedule_status!).
 * assumed: GoToSocial and Akkoma have no such filter. */
static gboolean
silently_dropped (FedisimServer *server,
                  FsActor       *author,
                  const char    *text)
{
  FsPosting *posting = posting_of (server);
  gboolean spammy = FALSE;
  g_autoptr(GPtrArray) mentions = NULL;

  if (server->flavour != FEDISIM_FLAVOUR_MASTODON && server->flavour != FEDISIM_FLAVOUR_LEGACY)
    return FALSE;
  for (guint i = 0; i < posting->spam_phrases->len && !spammy; i++)
    spammy = strstr (text, g_ptr_array_index (posting->spam_phrases, i)) != NULL;
  if (!spammy)
    return FALSE;
  mentions = mentioned (server, text);
  for (guint i = 0; i < mentions->len; i++)
    if (fs_world_find_follow (server->world, g_ptr_array_index (mentions, i), author) == NULL)
      return TRUE;
  return FALSE;
}

static JsonNode *
scheduled_json (FedisimServer *server,
                FsScheduled   *scheduled)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, scheduled->id);
  g_autofree char *at = fs_iso8601 (scheduled->scheduled_at);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "scheduled_at");
  json_builder_add_string_value (builder, at);
  json_builder_set_member_name (builder, "params");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, scheduled->text);
  json_builder_set_member_name (builder, "visibility");
  json_builder_add_string_value (builder, scheduled->visibility);
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, scheduled->language);
  json_builder_set_member_name (builder, "spoiler_text");
  json_builder_add_string_value (builder, scheduled->spoiler_text);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "media_attachments");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  (void) server;
  return json_builder_get_root (builder);
}

static FsStatus *
publish (FsActor    *author,
         const char *text,
         const char *visibility,
         const char *language,
         const char *spoiler_text)
{
  FsStatus *status = fs_actor_add_status (author, text, visibility);

  if (language != NULL && *language != '\0')
    {
      g_free (status->language);
      status->language = g_strdup (language);
    }
  if (spoiler_text != NULL)
    {
      g_free (status->spoiler_text);
      status->spoiler_text = g_strdup (spoiler_text);
    }
  return status;
}

/* Publishes the scheduled statuses whose time has come: mastodon: app/workers/scheduler/
 * scheduled_statuses_scheduler.rb and publish_scheduled_status_worker.rb (at the time, on the
 * virtual clock; the real scheduler runs every 5 minutes and enqueues perform_at). */
void
fs_posting_catch_up (FedisimServer *server,
                     gint64         now)
{
  FsPosting *posting = server->posting;

  if (posting == NULL)
    return;
  for (guint i = 0; i < posting->scheduled->len; i++)
    {
      FsScheduled *scheduled = g_ptr_array_index (posting->scheduled, i);
      FsStatus *status;

      if (scheduled->scheduled_at > now)
        continue;
      status = publish (scheduled->account, scheduled->text, scheduled->visibility,
                        scheduled->language, scheduled->spoiler_text);
      status->created_at = scheduled->scheduled_at;
      g_ptr_array_remove_index (posting->scheduled, i--);
    }
}

static gboolean
parse_time (const char *text,
            gint64     *out)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  time = g_date_time_new_from_iso8601 (text, utc);
  if (time == NULL)
    return FALSE;
  *out = g_date_time_to_unix (time);
  return TRUE;
}

static gint64
utc_day (gint64 unix_seconds)
{
  return unix_seconds >= 0 ? unix_seconds / 86400 : (unix_seconds - 86399) / 86400;
}

/* The scheduling rules; answers and returns FALSE when refused. *post_now is set when the time
 * is in the past and the server posts at once. */
static gboolean
check_schedule (FsRequest *req,
                FsActor   *me,
                gint64     at,
                gboolean  *post_now)
{
  FedisimServer *server = req->server;
  FsPosting *posting = posting_of (server);
  gint64 now = fedisim_world_now (server->world);
  guint total = 0, daily = 0;

  *post_now = FALSE;
  if (at <= now)
    {
      if (server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL)
        {
          /* gotosocial: internal/processing/status/create.go: a past scheduled_at backdates
           * when instance-allow-backdating-statuses, else 403; assumed: backdating off here,
           * the text. */
          fs_reply_error (req, 403,
                          "Forbidden: backdating statuses has been disabled on this instance");
          return FALSE;
        }
      if (server->flavour == FEDISIM_FLAVOUR_AKKOMA)
        {
          /* akkoma: lib/pleroma/scheduled_activity.ex validates far_enough? on any time */
          fs_reply_error (req, 422, "must be at least 5 minutes from now");
          return FALSE;
        }
      /* mastodon: app/services/post_status_service.rb scheduled_in_the_past? sets scheduled_at
       * to nil: the status is posted now. */
      *post_now = TRUE;
      return TRUE;
    }
  if (at - now < FS_SCHEDULE_MIN_OFFSET)
    {
      if (server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL)
        /* gotosocial: internal/processing/status/create.go */
        fs_reply_error (req, 422, "Unprocessable Entity: scheduled_at must be at least 5 minutes "
                                  "in the future");
      else if (server->flavour == FEDISIM_FLAVOUR_AKKOMA)
        /* akkoma: lib/pleroma/scheduled_activity.ex ("must be at least 5 minutes from now") */
        fs_reply_error (req, 422, "must be at least 5 minutes from now");
      else
        /* mastodon: app/models/scheduled_status.rb validate_future_date, I18n
         * scheduled_statuses.too_soon; assumed: the exact locale text. */
        fs_reply_error (req, 422,
                        "Validation failed: Scheduled at The scheduled date must be in the future");
      return FALSE;
    }
  for (guint i = 0; i < posting->scheduled->len; i++)
    {
      FsScheduled *scheduled = g_ptr_array_index (posting->scheduled, i);

      if (scheduled->account != me)
        continue;
      total++;
      /* mastodon: scheduled_status.rb validate_daily_limit: scheduled_at::date, UTC */
      if (utc_day (scheduled->scheduled_at) == utc_day (at))
        daily++;
    }
  if (total >= FS_SCHEDULE_TOTAL)
    {
      /* mastodon: scheduled_status.rb validate_total_limit, scheduled_statuses.over_total_limit;
       * assumed: the same words on GoToSocial and Akkoma. */
      fs_reply_error (req, 422,
                      "Validation failed: You have exceeded the limit of 300 scheduled posts");
      return FALSE;
    }
  if (daily >= FS_SCHEDULE_DAILY)
    {
      /* mastodon: scheduled_status.rb validate_daily_limit, scheduled_statuses.over_daily_limit */
      fs_reply_error (req, 422,
                      "Validation failed: You have exceeded the limit of 25 scheduled posts "
                      "for today");
      return FALSE;
    }
  return TRUE;
}

static const char *
idempotency_header (FsRequest *req)
{
  return soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg),
                                       "Idempotency-Key");
}

/* mastodon: post_status_service.rb honours the key; gotosocial: internal/gtsmodel/
 * scheduledstatus.go "Currently unused" (ignored); assumed: Akkoma honours it like Mastodon
 * (its IdempotencyPlug; only the CORS list was checked). */
static gboolean
honours_idempotency (FedisimServer *server)
{
  return server->flavour != FEDISIM_FLAVOUR_GOTOSOCIAL;
}

static char *
idempotency_key (FsRequest *req,
                 FsActor   *me)
{
  const char *key = idempotency_header (req);

  if (key == NULL || *key == '\0' || !honours_idempotency (req->server))
    return NULL;
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%s", fs_server_id_for (req->server, me), key);
}

static gboolean
answer_duplicate (FsRequest  *req,
                  FsActor    *me,
                  const char *key)
{
  FsPosting *posting = posting_of (req->server);
  FsIdempotent *seen = key ? g_hash_table_lookup (posting->idempotency, key) : NULL;
  g_autofree char *id = NULL;

  if (seen == NULL)
    return FALSE;
  if (seen->expires_at <= fedisim_world_now (req->server->world))
    {
      g_hash_table_remove (posting->idempotency, key);
      return FALSE;
    }
  if (seen->scheduled_id != 0)
    {
      for (guint i = 0; i < posting->scheduled->len; i++)
        {
          FsScheduled *scheduled = g_ptr_array_index (posting->scheduled, i);

          if (scheduled->id == seen->scheduled_id)
            {
              fs_reply_json (req, 200, scheduled_json (req->server, scheduled));
              return TRUE;
            }
        }
      return FALSE;
    }
  id = g_strdup_printf ("%" G_GUINT64_FORMAT, seen->status_id);
  {
    FsStatus *status = fs_server_status_by_id (req->server, id);

    if (status == NULL)
      return FALSE;
    fs_reply_json (req, 200, fs_json_status (req->server, status, me));
  }
  return TRUE;
}

static void
remember (FsRequest  *req,
          const char *key,
          guint64     status_id,
          guint64     scheduled_id)
{
  FsIdempotent *seen;

  if (key == NULL)
    return;
  seen = g_new0 (FsIdempotent, 1);
  seen->expires_at = fedisim_world_now (req->server->world) + FS_IDEMPOTENCY_TTL;
  seen->status_id = status_id;
  seen->scheduled_id = scheduled_id;
  g_hash_table_replace (posting_of (req->server)->idempotency, g_strdup (key), seen);
}

/* A fake status for a dropped post: it has an id and the text, but is stored nowhere
 * (mastodon: app/lib/antispam.rb SilentlyDrop). */
static JsonNode *
fake_status (FsRequest  *req,
             FsActor    *me,
             const char *text,
             const char *visibility)
{
  FsStatus fake = { 0 };
  JsonNode *node;
  g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                         posting_of (req->server)->next_fake_id++);
  JsonObject *object;

  fake.id = 0;
  fake.uri = g_strdup_printf ("%s/users/%s/statuses/%s", req->server->base_url, me->username, id);
  fake.account = me;
  fake.text = (char *) text;
  fake.spoiler_text = (char *) "";
  fake.visibility = (char *) visibility;
  fake.language = (char *) "en";
  fake.created_at = fedisim_world_now (req->server->world);
  fake.edits = g_ptr_array_new ();
  fake.media = g_ptr_array_new ();
  node = fs_json_status (req->server, &fake, me);
  object = json_node_get_object (node);
  json_object_set_string_member (object, "id", id);
  g_ptr_array_unref (fake.edits);
  g_ptr_array_unref (fake.media);
  g_free (fake.uri);
  return node;
}

static void
post_status (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  FsPosting *posting = posting_of (req->server);
  const char *text = fs_req_param (req, "status");
  const char *visibility = fs_req_param (req, "visibility");
  const char *scheduled_at = fs_req_param (req, "scheduled_at");
  const char *language = fs_req_param (req, "language");
  const char *spoiler_text = fs_req_param (req, "spoiler_text");
  g_autofree char *key = idempotency_key (req, me);
  gboolean post_now = TRUE;
  gint64 at = 0;
  FsStatus *status;

  if (answer_duplicate (req, me, key))
    return;
  if (text == NULL || *text == '\0')
    {
      /* mastodon: status.rb validates :text, presence unless media or poll */
      fs_reply_error (req, 422, "Validation failed: Text can't be blank");
      return;
    }
  if (counted_length (text) > FS_MAX_CHARS)
    {
      /* mastodon: status_length_validator.rb, statuses.over_character_limit */
      fs_reply_error (req, 422, "Validation failed: Text character limit of 500 exceeded");
      return;
    }
  if (visibility == NULL || *visibility == '\0')
    visibility = "public";
  if (!g_str_equal (visibility, "public") && !g_str_equal (visibility, "unlisted") &&
      !g_str_equal (visibility, "private") && !g_str_equal (visibility, "direct"))
    {
      /* mastodon: status/visibility.rb enum; assumed: the text */
      fs_reply_error (req, 422, "Validation failed: Visibility is not included in the list");
      return;
    }
  if (scheduled_at != NULL && *scheduled_at != '\0')
    {
      if (!parse_time (scheduled_at, &at))
        {
          fs_reply_error (req, 422, "Validation failed: Scheduled at is invalid");
          return;
        }
      if (!check_schedule (req, me, at, &post_now))
        return;
    }

  if (silently_dropped (req->server, me, text))
    {
      posting->dropped++;
      if (!post_now)
        {
          FsScheduled fake = { posting->next_fake_id++, me, at, (char *) text,
                               (char *) visibility, (char *) "en", (char *) "" };

          fs_reply_json (req, 200, scheduled_json (req->server, &fake));
        }
      else
        fs_reply_json (req, 200, fake_status (req, me, text, visibility));
      return;
    }

  if (!post_now)
    {
      FsScheduled *scheduled = g_new0 (FsScheduled, 1);

      scheduled->id = req->server->next_id++;
      scheduled->account = me;
      scheduled->scheduled_at = at;
      scheduled->text = g_strdup (text);
      scheduled->visibility = g_strdup (visibility);
      scheduled->language = g_strdup (language ? language : "en");
      scheduled->spoiler_text = g_strdup (spoiler_text ? spoiler_text : "");
      g_ptr_array_add (posting->scheduled, scheduled);
      remember (req, key, 0, scheduled->id);
      fs_reply_json (req, 200, scheduled_json (req->server, scheduled));
      return;
    }
  status = publish (me, text, visibility, language, spoiler_text);
  remember (req, key, fs_server_status_id_for (req->server, status), 0);
  fs_reply_json (req, 200, fs_json_status (req->server, status, me));
}

static void
scheduled_statuses (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  FsPosting *posting = posting_of (req->server);
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  guint limit = fs_req_limit (req, 20, 40);
  const char *max_id = fs_req_param (req, "max_id");
  guint64 below = max_id ? g_ascii_strtoull (max_id, NULL, 10) : G_MAXUINT64;
  guint64 last = 0;
  gboolean more = FALSE;

  /* mastodon: app/controllers/api/v1/scheduled_statuses_controller.rb: the account's own,
   * DEFAULT_STATUSES_LIMIT 20 (max 40), newest id first, paged by max_id with a Link. */
  for (guint i = posting->scheduled->len; i-- > 0;)
    {
      FsScheduled *scheduled = g_ptr_array_index (posting->scheduled, i);

      if (scheduled->account != me || scheduled->id >= below)
        continue;
      if (json_array_get_length (array) >= limit)
        {
          more = TRUE;
          break;
        }
      json_array_add_element (array, scheduled_json (req->server, scheduled));
      last = scheduled->id;
    }
  if (more)
    fs_set_link_header (req, last, 0, limit);
  json_node_take_array (node, array);
  fs_reply_json (req, 200, node);
}

static FsScheduled *
scheduled_arg (FsRequest *req,
               guint     *index)
{
  FsPosting *posting = posting_of (req->server);
  guint64 id = g_ascii_strtoull (req->args[0], NULL, 10);

  for (guint i = 0; i < posting->scheduled->len; i++)
    {
      FsScheduled *scheduled = g_ptr_array_index (posting->scheduled, i);

      if (scheduled->id == id && scheduled->account == fs_req_user (req))
        {
          *index = i;
          return scheduled;
        }
    }
  fs_reply_error (req, 404, "Record not found");
  return NULL;
}

static void
get_scheduled (FsRequest *req)
{
  guint index;
  FsScheduled *scheduled = scheduled_arg (req, &index);

  if (scheduled != NULL)
    fs_reply_json (req, 200, scheduled_json (req->server, scheduled));
}

static void
delete_scheduled (FsRequest *req)
{
  guint index;
  FsScheduled *scheduled = scheduled_arg (req, &index);

  if (scheduled == NULL)
    return;
  g_ptr_array_remove_index (posting_of (req->server)->scheduled, index);
  fs_reply_text (req, 200, "application/json; charset=utf-8", "{}", 2);
}

static FsStatus *
own_status (FsRequest *req)
{
  FsStatus *status = fs_server_status_by_id (req->server, req->args[0]);

  if (status == NULL)
    {
      fs_reply_error (req, 404, "Record not found");
      return NULL;
    }
  return status;
}

static void
pin (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  FsStatus *status = own_status (req);
  guint pinned = 0;

  if (status == NULL)
    return;
  if (status->account != me)
    {
      /* mastodon: status_pin_validator.rb, statuses.pin_errors.ownership */
      fs_reply_error (req, 422, "Validation failed: Someone else's post cannot be pinned");
      return;
    }
  if (g_str_equal (status->visibility, "direct"))
    {
      /* mastodon: status_pin_validator.rb, statuses.pin_errors.direct */
      fs_reply_error (req, 422, "Validation failed: Posts that are only visible to mentioned "
                                "users cannot be pinned");
      return;
    }
  if (status->pinned)
    {
      fs_reply_json (req, 200, fs_json_status (req->server, status, me));
      return;
    }
  for (guint i = 0; i < me->statuses->len; i++)
    if (((FsStatus *) g_ptr_array_index (me->statuses, i))->pinned)
      pinned++;
  if (pinned >= fs_posting_pin_limit (req->server))
    {
      if (req->server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL)
        /* gotosocial: internal/processing/status/pin.go: "status pin limit exceeded, you've
         * already pinned %d status(es) out of %d", NewErrorUnprocessableEntity */
        fs_reply_error (req, 422, "Unprocessable Entity: status pin limit exceeded, you've already "
                                  "pinned 10 status(es) out of 10");
      else if (req->server->flavour == FEDISIM_FLAVOUR_AKKOMA)
        /* akkoma: lib/pleroma/user.ex add_pinned_object_id: "You have already pinned the maximum
         * number of statuses"; assumed: answered 422 as {"error": …} */
        fs_reply_error (req, 422, "You have already pinned the maximum number of statuses");
      else
        /* mastodon: status_pin_validator.rb, statuses.pin_errors.limit */
        fs_reply_error (req, 422,
                        "Validation failed: You have already pinned the maximum number of posts");
      return;
    }
  status->pinned = TRUE;
  fs_reply_json (req, 200, fs_json_status (req->server, status, me));
}

static void
unpin (FsRequest *req)
{
  FsStatus *status = own_status (req);

  if (status == NULL)
    return;
  if (status->account == fs_req_user (req))
    status->pinned = FALSE;
  fs_reply_json (req, 200, fs_json_status (req->server, status, fs_req_user (req)));
}

/* akkoma: lib/pleroma/list.ex add_to_list needs no follow; the controller skips unknown ids
 * and answers {} whatever happens (Pleroma-family list_controller.ex add_to_list). Mastodon's
 * and GoToSocial's rules are in fedisim-api-collections.c. */
static void
akkoma_add_list_accounts (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  guint64 list_id = g_ascii_strtoull (req->args[0], NULL, 10);
  GPtrArray *ids = fs_req_param_array (req, "account_ids");
  FsList *list = NULL;

  for (guint i = 0; i < me->lists->len && list == NULL; i++)
    if (((FsList *) g_ptr_array_index (me->lists, i))->id == list_id)
      list = g_ptr_array_index (me->lists, i);
  if (list == NULL)
    {
      fs_reply_error (req, 404, "Record not found");
      return;
    }
  for (guint i = 0; ids && i < ids->len; i++)
    {
      FsActor *actor = fs_server_actor_by_id (req->server, g_ptr_array_index (ids, i));

      if (actor != NULL && !g_ptr_array_find (list->members, actor, NULL))
        g_ptr_array_add (list->members, actor);
    }
  fs_reply_text (req, 200, "application/json; charset=utf-8", "{}", 2);
}

/* Looked up before the other tables: what a flavour does differently from them. */
const FsRoute fs_posting_first_routes[] = {
  { "POST", "/api/v1/lists/:id/accounts", akkoma_add_list_accounts, FS_ROUTE_USER,
    "write write:lists", FS_F (FEDISIM_FLAVOUR_AKKOMA) },
  { NULL }
};

/* mastodon: config/routes/api.rb (statuses, scheduled_statuses, pin/unpin), scopes from
 * statuses_controller.rb (write write:statuses), scheduled_statuses_controller.rb (read
 * read:statuses / write write:statuses), statuses/pins_controller.rb (write write:accounts). */
const FsRoute fs_posting_routes[] = {
  { "POST", "/api/v1/statuses", post_status, FS_ROUTE_USER, "write write:statuses" },
  { "GET", "/api/v1/scheduled_statuses", scheduled_statuses, FS_ROUTE_USER, "read read:statuses" },
  { "GET", "/api/v1/scheduled_statuses/:id", get_scheduled, FS_ROUTE_USER, "read read:statuses" },
  { "DELETE", "/api/v1/scheduled_statuses/:id", delete_scheduled, FS_ROUTE_USER,
    "write write:statuses" },
  { "POST", "/api/v1/statuses/:id/pin", pin, FS_ROUTE_USER, "write write:accounts" },
  { "POST", "/api/v1/statuses/:id/unpin", unpin, FS_ROUTE_USER, "write write:accounts" },
  { NULL }
};
