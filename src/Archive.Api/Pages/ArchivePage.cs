using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Api.Pages;

/// <summary>A page that can instead say what went wrong, with the HTTP status that goes with it.</summary>
public abstract class ArchivePage : PageModel
{
    public ProblemView? Problem { get; private set; }

    protected IActionResult Fail(ProblemView problem)
    {
        Problem = problem;
        Response.StatusCode = problem.Status;
        return Page();
    }

    protected IActionResult Fail(int status, string title, string detail) => Fail(new ProblemView(status, title, detail));

    /// <summary>A number in the route that cannot be one is refused before the page looks for it.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (Infrastructure.RouteIdentifiers.Problem(HttpContext) is not null)
        {
            var nr = Archive.Content.Input.Identifiers.Quoted(HttpContext.GetRouteValue("nr") as string);
            context.Result = Fail(400, "Ongeldig nummer", $"{nr} is geen nummer dat het archief kent: een document heeft een nummer als 2026D04632, een dossier een als 36180.");
            return;
        }
        await next();
    }
}
