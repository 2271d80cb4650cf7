namespace AwarenessBot.Hosting;

/// <summary>The first middleware: tells the <see cref="FirstAnswerGate"/> when the first request came and went.</summary>
internal static class FirstAnswerGateMiddleware
{
    public static IApplicationBuilder UseFirstAnswerGate(this IApplicationBuilder app)
    {
        var gate = app.ApplicationServices.GetRequiredService<FirstAnswerGate>();
        return app.Use((context, next) =>
        {
            if (!gate.IsOpen)
            {
                gate.RequestStarted();
                context.Response.OnCompleted(gate.AnsweredAsync);
            }

            return next(context);
        });
    }
}
